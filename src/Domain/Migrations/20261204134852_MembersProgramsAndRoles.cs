using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JumoMentoring.Domain.Migrations
{
    /// <inheritdoc />
    public partial class MembersProgramsAndRoles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_enrolments_member_id_program_id_role",
                table: "enrolments");

            migrationBuilder.AddColumn<string>(
                name: "search_name",
                table: "members",
                type: "character varying(210)",
                maxLength: 210,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<Guid>(
                name: "cohort_id",
                table: "enrolments",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "motivation",
                table: "enrolments",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "updated_at",
                table: "enrolments",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "waitlisted_at",
                table: "enrolments",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "cohorts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    program_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    capacity = table.Column<int>(type: "integer", nullable: false),
                    starts_on = table.Column<DateOnly>(type: "date", nullable: true),
                    ends_on = table.Column<DateOnly>(type: "date", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cohorts", x => x.id);
                    table.CheckConstraint("ck_cohorts_capacity", "capacity BETWEEN 1 AND 50");
                    table.ForeignKey(
                        name: "fk_cohorts_programs_program_id",
                        column: x => x.program_id,
                        principalTable: "programs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "role_assignments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    role = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    program_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_role_assignments", x => x.id);
                    table.CheckConstraint("ck_role_assignments_program", "(role = 'Coordinator') = (program_id IS NOT NULL)");
                    table.ForeignKey(
                        name: "fk_role_assignments_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_role_assignments_programs_program_id",
                        column: x => x.program_id,
                        principalTable: "programs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_members_search_name_id",
                table: "members",
                columns: new[] { "search_name", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_enrolments_cohort_id",
                table: "enrolments",
                column: "cohort_id");

            migrationBuilder.CreateIndex(
                name: "ix_enrolments_member_id_program_id_role",
                table: "enrolments",
                columns: new[] { "member_id", "program_id", "role" },
                unique: true,
                filter: "status <> 'Withdrawn'");

            migrationBuilder.CreateIndex(
                name: "ix_enrolments_program_id_status_waitlisted_at",
                table: "enrolments",
                columns: new[] { "program_id", "status", "waitlisted_at" });

            migrationBuilder.CreateIndex(
                name: "ix_cohorts_program_id",
                table: "cohorts",
                column: "program_id");

            migrationBuilder.CreateIndex(
                name: "ix_role_assignments_member_id_role_program_id",
                table: "role_assignments",
                columns: new[] { "member_id", "role", "program_id" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);

            migrationBuilder.CreateIndex(
                name: "ix_role_assignments_program_id",
                table: "role_assignments",
                column: "program_id");

            migrationBuilder.AddForeignKey(
                name: "fk_enrolments_cohorts_cohort_id",
                table: "enrolments",
                column: "cohort_id",
                principalTable: "cohorts",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_enrolments_cohorts_cohort_id",
                table: "enrolments");

            migrationBuilder.DropTable(
                name: "cohorts");

            migrationBuilder.DropTable(
                name: "role_assignments");

            migrationBuilder.DropIndex(
                name: "ix_members_search_name_id",
                table: "members");

            migrationBuilder.DropIndex(
                name: "ix_enrolments_cohort_id",
                table: "enrolments");

            migrationBuilder.DropIndex(
                name: "ix_enrolments_member_id_program_id_role",
                table: "enrolments");

            migrationBuilder.DropIndex(
                name: "ix_enrolments_program_id_status_waitlisted_at",
                table: "enrolments");

            migrationBuilder.DropColumn(
                name: "search_name",
                table: "members");

            migrationBuilder.DropColumn(
                name: "cohort_id",
                table: "enrolments");

            migrationBuilder.DropColumn(
                name: "motivation",
                table: "enrolments");

            migrationBuilder.DropColumn(
                name: "updated_at",
                table: "enrolments");

            migrationBuilder.DropColumn(
                name: "waitlisted_at",
                table: "enrolments");

            migrationBuilder.CreateIndex(
                name: "ix_enrolments_member_id_program_id_role",
                table: "enrolments",
                columns: new[] { "member_id", "program_id", "role" },
                unique: true);
        }
    }
}
