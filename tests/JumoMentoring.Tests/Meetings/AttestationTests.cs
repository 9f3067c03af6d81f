using System.Net;
using System.Net.Http.Headers;
using JumoMentoring.Api.Meetings;
using JumoMentoring.Domain;
using JumoMentoring.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace JumoMentoring.Tests.Meetings;

/// <summary>GET /attestations/{year}: the printable bilingual attestation.</summary>
public sealed class AttestationTests(ApiFactory factory) : ApiTest(factory)
{
    private static string Path => $"/attestations/{CreditYear.Year}";

    [Fact]
    public async Task A_bearer_token_of_a_member_is_required()
    {
        var anonymous = await Factory.CreateClient().GetAsync(Path);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Contains(anonymous.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");

        var forged = Factory.CreateClient();
        forged.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync(Path)).StatusCode);

        var machine = await Factory.SignInAsync(client: "member-system");
        Assert.Equal(HttpStatusCode.Forbidden, (await machine.Http.GetAsync(Path)).StatusCode);
    }

    [Fact]
    public async Task The_attestation_is_printable_html_in_french_then_english_with_the_members_hours()
    {
        await CreditYear.SetUpAsync(Factory);
        var thomas = await SignInAsync(CreditYear.Thomas);
        var cohort = await Factory.WithDbAsync(db => db.Cohorts.SingleAsync(c => c.Name.StartsWith("Cohorte ")));

        var response = await thomas.Http.GetAsync(Path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        Assert.True(response.Headers.CacheControl!.NoStore);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("@media print", html, StringComparison.Ordinal);

        // French first, then English, each with the college, the member, the cohort and the numbers.
        var french = html.IndexOf("<section lang=\"fr\">", StringComparison.Ordinal);
        var english = html.IndexOf("<section lang=\"en\">", StringComparison.Ordinal);
        Assert.InRange(french, 0, english - 1);
        Assert.InRange(html.IndexOf(AttestationEndpoint.CollegeFr, StringComparison.Ordinal), french, english);
        Assert.InRange(html.IndexOf(AttestationEndpoint.CollegeEn, StringComparison.Ordinal), english, html.Length);
        var (fr, en) = (html[french..english], html[english..]);
        foreach (var section in new[] { fr, en })
        {
            Assert.Contains("Thomas Leblanc", section, StringComparison.Ordinal);
            Assert.Contains("<span class=\"member-number\">20008</span>", section, StringComparison.Ordinal);
            Assert.Contains(cohort.Name, section, StringComparison.Ordinal);
            Assert.Contains($"<span class=\"meetings\">{CreditYear.Meetings}</span>", section, StringComparison.Ordinal);
            Assert.Contains(CreditYear.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), section, StringComparison.Ordinal);
        }

        Assert.Contains("<span class=\"hours\">2,25</span> heures", fr, StringComparison.Ordinal);
        Assert.Contains("Programme de mentorat structuré", fr, StringComparison.Ordinal);
        Assert.Contains("Personne mentorée", fr, StringComparison.Ordinal);
        Assert.Contains("<span class=\"hours\">2.25</span> hours", en, StringComparison.Ordinal);
        Assert.Contains("Structured mentoring program", en, StringComparison.Ordinal);
        Assert.Contains("Mentee", en, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Values_are_html_encoded()
    {
        await CreditYear.SetUpAsync(Factory);
        await Factory.WithDbAsync(db => db.Members.Where(m => m.Email == CreditYear.Thomas)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.FirstName, "<script>alert('x')</script> & \"Tom\"")));
        var thomas = await SignInAsync(CreditYear.Thomas);

        var html = await thomas.Http.GetStringAsync(Path);

        Assert.DoesNotContain("<script>", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &quot;Tom&quot; Leblanc", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_without_structured_meetings_gets_an_attestation_saying_so_and_bad_years_are_refused()
    {
        var sarah = await SignInAsync(DemoPeople.Sarah);

        var html = await sarah.Http.GetStringAsync(Path);
        Assert.Contains("Sarah Thompson", html, StringComparison.Ordinal);
        Assert.Contains("aucune rencontre de mentorat dans un programme structuré", html, StringComparison.Ordinal);
        Assert.Contains("recorded no mentoring meeting", html, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.BadRequest, (await sarah.Http.GetAsync("/attestations/1999")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await sarah.Http.GetAsync($"/attestations/{QuebecTime.Today(TimeProvider.System).Year + 1}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sarah.Http.GetAsync("/attestations/latest")).StatusCode);
    }
}
