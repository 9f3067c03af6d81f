using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JumoMentoring.Domain.Migrations
{
    /// <inheritdoc />
    public partial class MatchingData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "matching_weights",
                table: "programs",
                type: "jsonb",
                nullable: false,
                defaultValueSql: "'{}'::jsonb");

            migrationBuilder.AddColumn<List<string>>(
                name: "availability",
                table: "members",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'::text[]");

            migrationBuilder.AddColumn<List<string>>(
                name: "priorities",
                table: "enrolments",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'::text[]");

            migrationBuilder.CreateTable(
                name: "cohort_matching_runs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    cohort_id = table.Column<Guid>(type: "uuid", nullable: false),
                    objective = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    input_json = table.Column<string>(type: "jsonb", nullable: false),
                    result_json = table.Column<string>(type: "jsonb", nullable: false),
                    created_by = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cohort_matching_runs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "pair_rules",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    program_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cohort_id = table.Column<Guid>(type: "uuid", nullable: true),
                    mentor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    mentee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    created_by = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pair_rules", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_cohort_matching_runs_cohort_id",
                table: "cohort_matching_runs",
                column: "cohort_id");

            migrationBuilder.CreateIndex(
                name: "ix_pair_rules_program_id_mentor_id_mentee_id",
                table: "pair_rules",
                columns: new[] { "program_id", "mentor_id", "mentee_id" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cohort_matching_runs");

            migrationBuilder.DropTable(
                name: "pair_rules");

            migrationBuilder.DropColumn(
                name: "matching_weights",
                table: "programs");

            migrationBuilder.DropColumn(
                name: "availability",
                table: "members");

            migrationBuilder.DropColumn(
                name: "priorities",
                table: "enrolments");
        }
    }
}
