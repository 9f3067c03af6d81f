using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JumoMentoring.Domain.Migrations
{
    /// <summary>
    /// The library's search: a unique slug, plus (in SQL, outside the EF model) the unaccent
    /// extension, an IMMUTABLE unaccent wrapper for sort keys, the fr_unaccent and en_unaccent text
    /// search configurations (French and English with accents removed before stemming), and the
    /// stored, weighted search_fr and search_en vectors with their GIN indexes.
    /// </summary>
    public partial class AddResourceSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "slug",
                table: "resources",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            // Rows written before slugs existed get their id, so the unique index can be built.
            migrationBuilder.Sql("UPDATE resources SET slug = id::text WHERE slug = '';");

            migrationBuilder.CreateIndex(
                name: "ix_resources_slug",
                table: "resources",
                column: "slug",
                unique: true);

            // unaccent is a trusted extension (PostgreSQL 13+): a database owner may create it.
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public;");

            // unaccent() is only STABLE (its dictionary could change); indexes and generated columns
            // need IMMUTABLE. Naming the dictionary and schema keeps it independent of search_path.
            migrationBuilder.Sql(
                """
                CREATE OR REPLACE FUNCTION public.immutable_unaccent(text) RETURNS text
                LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
                AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;
                """);

            // French and English with accents removed before the stemmer: "médecin" and "medecin" give
            // the same lexeme. Accented words are 'word' tokens; plain ASCII words need no unaccent.
            migrationBuilder.Sql(
                """
                CREATE TEXT SEARCH CONFIGURATION public.fr_unaccent (COPY = pg_catalog.french);
                ALTER TEXT SEARCH CONFIGURATION public.fr_unaccent
                    ALTER MAPPING FOR hword, hword_part, word WITH public.unaccent, pg_catalog.french_stem;
                CREATE TEXT SEARCH CONFIGURATION public.en_unaccent (COPY = pg_catalog.english);
                ALTER TEXT SEARCH CONFIGURATION public.en_unaccent
                    ALTER MAPPING FOR hword, hword_part, word WITH public.unaccent, pg_catalog.english_stem;
                """);

            // Stored, weighted vectors (title A, summary B, body C) per language, kept out of the EF
            // model so that loading a resource never reads them (see ResourceConfiguration).
            migrationBuilder.Sql(
                """
                ALTER TABLE resources
                    ADD COLUMN search_fr tsvector GENERATED ALWAYS AS (
                        setweight(to_tsvector('public.fr_unaccent'::regconfig, coalesce(title_fr, '')), 'A')
                        || setweight(to_tsvector('public.fr_unaccent'::regconfig, coalesce(summary_fr, '')), 'B')
                        || setweight(to_tsvector('public.fr_unaccent'::regconfig, coalesce(body_fr, '')), 'C')) STORED,
                    ADD COLUMN search_en tsvector GENERATED ALWAYS AS (
                        setweight(to_tsvector('public.en_unaccent'::regconfig, coalesce(title_en, '')), 'A')
                        || setweight(to_tsvector('public.en_unaccent'::regconfig, coalesce(summary_en, '')), 'B')
                        || setweight(to_tsvector('public.en_unaccent'::regconfig, coalesce(body_en, '')), 'C')) STORED;
                CREATE INDEX ix_resources_search_fr ON resources USING gin (search_fr);
                CREATE INDEX ix_resources_search_en ON resources USING gin (search_en);
                """);

            // Ranking reads the vector of every match, several times per row. Out of line (TOAST) that
            // costs a TOAST index lookup each time (about 30 times the buffers in the benchmark): keep the vectors
            // and the small columns that filters and sorting read in the row (MAIN), so that only the
            // bodies go out of line, and compress the vectors with lz4 where the server has it.
            migrationBuilder.Sql(
                """
                ALTER TABLE resources
                    ALTER COLUMN search_fr SET STORAGE MAIN, ALTER COLUMN search_en SET STORAGE MAIN,
                    ALTER COLUMN title_fr SET STORAGE MAIN, ALTER COLUMN title_en SET STORAGE MAIN,
                    ALTER COLUMN summary_fr SET STORAGE MAIN, ALTER COLUMN summary_en SET STORAGE MAIN,
                    ALTER COLUMN topics SET STORAGE MAIN, ALTER COLUMN audience SET STORAGE MAIN;
                DO $$
                BEGIN
                    ALTER TABLE resources ALTER COLUMN search_fr SET COMPRESSION lz4, ALTER COLUMN search_en SET COMPRESSION lz4;
                EXCEPTION WHEN feature_not_supported THEN
                    RAISE NOTICE 'lz4 is not available: the search vectors keep the default compression';
                END
                $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                """
                ALTER TABLE resources DROP COLUMN IF EXISTS search_fr, DROP COLUMN IF EXISTS search_en;
                ALTER TABLE resources
                    ALTER COLUMN title_fr SET STORAGE EXTENDED, ALTER COLUMN title_en SET STORAGE EXTENDED,
                    ALTER COLUMN summary_fr SET STORAGE EXTENDED, ALTER COLUMN summary_en SET STORAGE EXTENDED,
                    ALTER COLUMN topics SET STORAGE EXTENDED, ALTER COLUMN audience SET STORAGE EXTENDED;
                DROP TEXT SEARCH CONFIGURATION IF EXISTS public.fr_unaccent;
                DROP TEXT SEARCH CONFIGURATION IF EXISTS public.en_unaccent;
                DROP FUNCTION IF EXISTS public.immutable_unaccent(text);
                """);

            migrationBuilder.DropIndex(
                name: "ix_resources_slug",
                table: "resources");

            migrationBuilder.DropColumn(
                name: "slug",
                table: "resources");
        }
    }
}
