using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JumoMentoring.Domain.Migrations
{
    /// <inheritdoc />
    public partial class GoalsMeetingsAndCheckIns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "check_in_interval_weeks",
                table: "programs",
                type: "integer",
                nullable: false,
                defaultValue: 4);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "created_at",
                table: "milestones",
                type: "timestamp with time zone",
                nullable: false,
                defaultValueSql: "now()");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "closed_at",
                table: "goals",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "created_by_id",
                table: "goals",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "updated_at",
                table: "goals",
                type: "timestamp with time zone",
                nullable: false,
                defaultValueSql: "now()");

            // Rows that exist already take their goal's creation time; new rows always carry their own.
            migrationBuilder.Sql("UPDATE goals SET updated_at = created_at");
            migrationBuilder.Sql("UPDATE milestones m SET created_at = g.created_at FROM goals g WHERE g.id = m.goal_id");
            migrationBuilder.Sql("ALTER TABLE goals ALTER COLUMN updated_at DROP DEFAULT");
            migrationBuilder.Sql("ALTER TABLE milestones ALTER COLUMN created_at DROP DEFAULT");

            migrationBuilder.CreateTable(
                name: "check_ins",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    match_id = table.Column<Guid>(type: "uuid", nullable: false),
                    member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    satisfaction = table.Column<int>(type: "integer", nullable: false),
                    met = table.Column<bool>(type: "boolean", nullable: false),
                    comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_check_ins", x => x.id);
                    table.CheckConstraint("ck_check_ins_satisfaction", "satisfaction BETWEEN 1 AND 5");
                    table.ForeignKey(
                        name: "fk_check_ins_matches_match_id",
                        column: x => x.match_id,
                        principalTable: "matches",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_check_ins_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "meetings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    match_id = table.Column<Guid>(type: "uuid", nullable: false),
                    recorded_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    occurred_on = table.Column<DateOnly>(type: "date", nullable: false),
                    duration_minutes = table.Column<int>(type: "integer", nullable: false),
                    mode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_meetings", x => x.id);
                    table.CheckConstraint("ck_meetings_duration", "duration_minutes BETWEEN 5 AND 600");
                    table.ForeignKey(
                        name: "fk_meetings_matches_match_id",
                        column: x => x.match_id,
                        principalTable: "matches",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_meetings_members_recorded_by_id",
                        column: x => x.recorded_by_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.AddCheckConstraint(
                name: "ck_programs_check_in_interval",
                table: "programs",
                sql: "check_in_interval_weeks BETWEEN 1 AND 26");

            migrationBuilder.CreateIndex(
                name: "ix_goals_created_by_id",
                table: "goals",
                column: "created_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_check_ins_match_id_member_id_submitted_at",
                table: "check_ins",
                columns: new[] { "match_id", "member_id", "submitted_at" });

            migrationBuilder.CreateIndex(
                name: "ix_check_ins_member_id",
                table: "check_ins",
                column: "member_id");

            migrationBuilder.CreateIndex(
                name: "ix_meetings_match_id_occurred_on",
                table: "meetings",
                columns: new[] { "match_id", "occurred_on" });

            migrationBuilder.CreateIndex(
                name: "ix_meetings_recorded_by_id",
                table: "meetings",
                column: "recorded_by_id");

            migrationBuilder.AddForeignKey(
                name: "fk_goals_members_created_by_id",
                table: "goals",
                column: "created_by_id",
                principalTable: "members",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_goals_members_created_by_id",
                table: "goals");

            migrationBuilder.DropTable(
                name: "check_ins");

            migrationBuilder.DropTable(
                name: "meetings");

            migrationBuilder.DropCheckConstraint(
                name: "ck_programs_check_in_interval",
                table: "programs");

            migrationBuilder.DropIndex(
                name: "ix_goals_created_by_id",
                table: "goals");

            migrationBuilder.DropColumn(
                name: "check_in_interval_weeks",
                table: "programs");

            migrationBuilder.DropColumn(
                name: "created_at",
                table: "milestones");

            migrationBuilder.DropColumn(
                name: "closed_at",
                table: "goals");

            migrationBuilder.DropColumn(
                name: "created_by_id",
                table: "goals");

            migrationBuilder.DropColumn(
                name: "updated_at",
                table: "goals");
        }
    }
}
