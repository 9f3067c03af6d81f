using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using JumoMentoring.Api.Auth;
using JumoMentoring.Domain;
using JumoMentoring.Domain.Data;
using JumoMentoring.Domain.Programs;
using Microsoft.EntityFrameworkCore;

namespace JumoMentoring.Api.Meetings;

/// <summary>
/// <c>GET /attestations/{year}</c>: the signed-in member's printable continuing-education attestation
/// for a calendar year, one HTML page, French first then English. Bearer token required (401
/// without; 403 for machine clients); nothing is cached on the way.
/// </summary>
public static class AttestationEndpoint
{
    public const string CollegeFr = "Collège québécois des médecins de famille";
    public const string CollegeEn = "Quebec College of Family Physicians";

    public static IEndpointConventionBuilder MapAttestations(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/attestations/{year:int}", HandleAsync)
            .RequireAuthorization(policy => policy.RequireAuthenticatedUser().RequireClaim(JumoClaims.MemberId));

    private static async Task<IResult> HandleAsync(int year, HttpContext http, IDbContextFactory<JumoDbContext> factory, TimeProvider clock, CancellationToken cancellationToken)
    {
        var today = QuebecTime.Today(clock);
        if (!CreditStatements.IsValidYear(year, today))
        {
            return Results.Text($"The year must be between {CreditStatements.FirstYear} and {today.Year}.", "text/plain; charset=utf-8", Encoding.UTF8, StatusCodes.Status400BadRequest);
        }

        var memberId = Guid.Parse(http.User.FindFirstValue(JumoClaims.MemberId)!);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var statement = await CreditStatements.BuildAsync(db, memberId, year, cancellationToken);
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'";
        return Results.Text(AttestationHtml.Render(statement, today), "text/html; charset=utf-8", Encoding.UTF8);
    }
}

/// <summary>The attestation page. Every value from the database is HTML-encoded.</summary>
public static class AttestationHtml
{
    // Encodes markup characters (< > & " ') but leaves accented letters readable in the source.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-CA");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-CA");

    private const string Style = """
        body { font-family: Georgia, "Times New Roman", serif; color: #111; margin: 2rem auto; max-width: 48rem; line-height: 1.45; }
        section { padding: 2rem; border: 1px solid #888; margin-bottom: 2rem; }
        h1 { font-size: 1.4rem; margin: 0 0 .25rem; }
        h2 { font-size: 1.15rem; font-weight: normal; margin: 0 0 1.5rem; }
        table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
        th, td { border: 1px solid #888; padding: .35rem .5rem; text-align: left; }
        td.n { text-align: right; }
        .total { font-weight: bold; }
        .issued { margin-top: 2rem; font-size: .9rem; }
        @media print {
          @page { size: letter; margin: 2cm; }
          body { margin: 0; max-width: none; }
          section { border: none; padding: 0; margin: 0; break-after: page; page-break-after: always; }
          section:last-of-type { break-after: auto; page-break-after: auto; }
        }
        """;

    public static string Render(CreditStatement statement, DateOnly issuedOn)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>Attestation de développement professionnel continu ").Append(statement.Year)
            .Append(" / Continuing professional development attestation ").Append(statement.Year).Append("</title>\n")
            .Append("<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n");
        Section(html, statement, issuedOn, French);
        Section(html, statement, issuedOn, English);
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void Section(StringBuilder html, CreditStatement s, DateOnly issuedOn, CultureInfo culture)
    {
        var fr = culture.Equals(French);
        string T(string french, string english) => fr ? french : english;
        string E(string? value) => Encoder.Encode(value ?? "");
        string Hours(decimal hours) => hours.ToString("0.##", culture);
        string Day(DateOnly? day) => day?.ToString(fr ? "d MMMM yyyy" : "MMMM d, yyyy", culture) ?? "—";

        html.Append("<section lang=\"").Append(fr ? "fr" : "en").Append("\">\n")
            .Append("<h1>").Append(E(T(AttestationEndpoint.CollegeFr, AttestationEndpoint.CollegeEn))).Append("</h1>\n")
            .Append("<h2>").Append(E(T("Attestation de participation — développement professionnel continu", "Certificate of participation — continuing professional development")))
            .Append(' ').Append(s.Year).Append("</h2>\n")
            .Append("<p>").Append(E(T("Nous attestons que", "This is to certify that"))).Append(" <strong class=\"member-name\">")
            .Append(E(s.Member.DisplayName)).Append("</strong> (").Append(E(T("numéro de membre", "member number"))).Append(' ')
            .Append("<span class=\"member-number\">").Append(E(s.Member.MemberNumber)).Append("</span>) ");
        if (s.Lines.Count == 0)
        {
            html.Append(E(T(
                $"n'a inscrit aucune rencontre de mentorat dans un programme structuré en {s.Year}.",
                $"recorded no mentoring meeting in a structured program in {s.Year}."))).Append("</p>\n");
        }
        else
        {
            html.Append(E(T(
                $"a participé en {s.Year} aux activités de mentorat suivantes, reconnues comme activités de développement professionnel continu :",
                $"took part in {s.Year} in the following mentoring activities, recognised as continuing professional development:"))).Append("</p>\n")
                .Append("<table>\n<thead><tr><th>").Append(E(T("Programme", "Program"))).Append("</th><th>").Append(E(T("Cohorte", "Cohort")))
                .Append("</th><th>").Append(E(T("Période", "Period"))).Append("</th><th>").Append(E(T("Rôle", "Role")))
                .Append("</th><th>").Append(E(T("Rencontres", "Meetings"))).Append("</th><th>").Append(E(T("Heures", "Hours"))).Append("</th></tr></thead>\n<tbody>\n");
            foreach (var line in s.Lines)
            {
                var role = line.Role == ProgramRole.Mentor ? T("Mentor", "Mentor") : T("Personne mentorée", "Mentee");
                var period = line.Cohort is { } cohort ? $"{Day(cohort.StartsOn)} – {Day(cohort.EndsOn)}" : "—";
                html.Append("<tr><td>").Append(E(fr ? line.Program.NameFr : line.Program.NameEn))
                    .Append("</td><td>").Append(E(line.Cohort?.Name ?? "—"))
                    .Append("</td><td>").Append(E(period))
                    .Append("</td><td>").Append(E(role))
                    .Append("</td><td class=\"n\">").Append(line.Meetings.ToString(culture))
                    .Append("</td><td class=\"n\">").Append(Hours(line.Hours)).Append("</td></tr>\n");
            }

            html.Append("</tbody>\n</table>\n")
                .Append("<p class=\"total\">").Append(E(T("Total", "Total"))).Append(fr ? " : " : ": ")
                .Append("<span class=\"hours\">").Append(Hours(s.Hours)).Append("</span> ").Append(E(T("heures", "hours")))
                .Append(", <span class=\"meetings\">").Append(s.Meetings.ToString(culture)).Append("</span> ").Append(E(T("rencontres", "meetings"))).Append(".</p>\n")
                .Append("<p>").Append(E(T(
                    "Les heures sont la durée des rencontres inscrites par le duo, arrondie au quart d'heure.",
                    "Hours are the duration of the meetings the pair recorded, rounded to the nearest quarter hour."))).Append("</p>\n");
        }

        html.Append("<p class=\"issued\">").Append(E(T("Délivrée le", "Issued on"))).Append(' ').Append(E(Day(issuedOn))).Append(".</p>\n</section>\n");
    }
}
