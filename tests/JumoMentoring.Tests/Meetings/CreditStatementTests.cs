using JumoMentoring.Domain;
using JumoMentoring.Domain.Meetings;
using JumoMentoring.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace JumoMentoring.Tests.Meetings;

public sealed class CreditStatementTests(ApiFactory factory) : ApiTest(factory)
{
    private const string Statement = "query($year: Int!) { creditStatement(year: $year) { year hours minutes meetings attestationPath member { displayName memberNumber } lines { program { code kind } cohort { name startsOn endsOn } role meetings minutes hours } } }";

    [Theory]
    [InlineData(CreditYear.Thomas, "MENTEE")]
    [InlineData(DemoPeople.Helene, "MENTOR")]
    public async Task The_statement_counts_structured_meetings_of_the_year_by_program_and_cohort_to_the_quarter_hour(string email, string role)
    {
        await CreditYear.SetUpAsync(Factory);
        var client = await SignInAsync(email);
        var cohort = await Factory.WithDbAsync(db => db.Cohorts.SingleAsync(c => c.Name.StartsWith("Cohorte ")));

        var statement = (await client.QueryAsync(Statement, new { year = CreditYear.Year })).EnsureNoErrors().Data["creditStatement"]!;

        Assert.Equal(CreditYear.Year, statement["year"]!.GetValue<int>());
        Assert.Equal(CreditYear.Minutes, statement["minutes"]!.GetValue<int>());
        Assert.Equal(CreditYear.Hours, statement["hours"]!.GetValue<double>());
        Assert.Equal(CreditYear.Meetings, statement["meetings"]!.GetValue<int>());
        Assert.Equal($"/attestations/{CreditYear.Year}", statement["attestationPath"]!.GetValue<string>());
        var line = Assert.Single(statement["lines"]!.AsArray())!;
        Assert.Equal("STRUCTURED", line["program"]!["kind"]!.GetValue<string>());
        Assert.Equal(cohort.Name, line["cohort"]!["name"]!.GetValue<string>());
        Assert.Equal(cohort.StartsOn!.Value.ToString("yyyy-MM-dd"), line["cohort"]!["startsOn"]!.GetValue<string>());
        Assert.Equal(role, line["role"]!.GetValue<string>());
        Assert.Equal(CreditYear.Minutes, line["minutes"]!.GetValue<int>());
        Assert.Equal(CreditYear.Hours, line["hours"]!.GetValue<double>());
    }

    [Fact]
    public async Task Members_of_flexible_programs_only_get_an_empty_statement()
    {
        await CreditYear.SetUpAsync(Factory);
        foreach (var email in new[] { DemoPeople.Noah, DemoPeople.Sarah })
        {
            var client = await SignInAsync(email);
            foreach (var year in new[] { CreditYear.Year, QuebecTime.Today(TimeProvider.System).Year })
            {
                var statement = (await client.QueryAsync(Statement, new { year })).EnsureNoErrors().Data["creditStatement"]!;
                Assert.Empty(statement["lines"]!.AsArray());
                Assert.Equal(0, statement["hours"]!.GetValue<double>());
                Assert.Equal(0, statement["meetings"]!.GetValue<int>());
            }
        }
    }

    [Fact]
    public async Task The_demo_structured_pair_earns_hours_this_year()
    {
        var thomas = await SignInAsync(CreditYear.Thomas);
        var today = QuebecTime.Today(TimeProvider.System);
        var minutes = await Factory.WithDbAsync(db => db.Meetings
            .Where(m => m.Match!.Mentee!.Email == CreditYear.Thomas && m.OccurredOn.Year == today.Year)
            .SumAsync(m => m.DurationMinutes));

        var statement = (await thomas.QueryAsync(Statement, new { year = today.Year })).EnsureNoErrors().Data["creditStatement"]!;

        Assert.Equal(minutes, statement["minutes"]!.GetValue<int>());
        Assert.Equal((double)CreditHours.FromMinutes(minutes), statement["hours"]!.GetValue<double>());
    }

    [Fact]
    public async Task A_year_out_of_range_is_bad_input_and_anonymous_callers_are_refused()
    {
        var thomas = await SignInAsync(CreditYear.Thomas);
        var nextYear = QuebecTime.Today(TimeProvider.System).Year + 1;

        Assert.Equal("BAD_USER_INPUT", (await thomas.QueryAsync(Statement, new { year = 1999 })).FirstErrorCode);
        Assert.Equal("BAD_USER_INPUT", (await thomas.QueryAsync(Statement, new { year = nextYear })).FirstErrorCode);
        Assert.Equal("UNAUTHENTICATED", (await Graph.QueryAsync(Statement, new { year = 2025 })).FirstErrorCode);
    }
}
