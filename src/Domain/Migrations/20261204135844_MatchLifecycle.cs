using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JumoMentoring.Domain.Migrations
{
    /// <inheritdoc />
    public partial class MatchLifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_matches_program_id_mentee_id",
                table: "matches");

            migrationBuilder.AddColumn<int>(
                name: "request_expiry_days",
                table: "programs",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<Guid>(
                name: "cohort_id",
                table: "matches",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "mentee_accepted_at",
                table: "matches",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "mentee_confirmed_completion_at",
                table: "matches",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "mentor_accepted_at",
                table: "matches",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "mentor_confirmed_completion_at",
                table: "matches",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "request_message",
                table: "matches",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "match_transitions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    match_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    to = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    actor_id = table.Column<Guid>(type: "uuid", nullable: true),
                    actor = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_match_transitions", x => x.id);
                    table.ForeignKey(
                        name: "fk_match_transitions_matches_match_id",
                        column: x => x.match_id,
                        principalTable: "matches",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ux_matches_current_mentee",
                table: "matches",
                columns: new[] { "program_id", "mentee_id" },
                unique: true,
                filter: "status IN ('Active', 'Paused')");

            migrationBuilder.CreateIndex(
                name: "ux_matches_open_pair",
                table: "matches",
                columns: new[] { "program_id", "mentor_id", "mentee_id" },
                unique: true,
                filter: "status IN ('Requested', 'Proposed', 'Active', 'Paused')");

            migrationBuilder.CreateIndex(
                name: "ix_match_transitions_match_id",
                table: "match_transitions",
                column: "match_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "match_transitions");

            migrationBuilder.DropIndex(
                name: "ux_matches_current_mentee",
                table: "matches");

            migrationBuilder.DropIndex(
                name: "ux_matches_open_pair",
                table: "matches");

            migrationBuilder.DropColumn(
                name: "request_expiry_days",
                table: "programs");

            migrationBuilder.DropColumn(
                name: "cohort_id",
                table: "matches");

            migrationBuilder.DropColumn(
                name: "mentee_accepted_at",
                table: "matches");

            migrationBuilder.DropColumn(
                name: "mentee_confirmed_completion_at",
                table: "matches");

            migrationBuilder.DropColumn(
                name: "mentor_accepted_at",
                table: "matches");

            migrationBuilder.DropColumn(
                name: "mentor_confirmed_completion_at",
                table: "matches");

            migrationBuilder.DropColumn(
                name: "request_message",
                table: "matches");

            migrationBuilder.CreateIndex(
                name: "ix_matches_program_id_mentee_id",
                table: "matches",
                columns: new[] { "program_id", "mentee_id" });
        }
    }
}
