using System.Net;
using JumoMentoring.Tests.Infrastructure;

namespace JumoMentoring.Tests.Health;

public sealed class HealthTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task Live_and_ready_answer_200_when_postgres_and_redis_answer()
    {
        var live = await Graph.Http.GetAsync("/health/live");
        var ready = await Graph.Http.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("ConnectionStrings:Redis", "127.0.0.1:1,connectTimeout=500")]
    [InlineData("ConnectionStrings:Postgres", "Host=127.0.0.1;Port=1;Database=x;Username=x;Password=x;Timeout=2")]
    public async Task Ready_answers_503_when_a_service_is_down_while_live_stays_200(string setting, string value)
    {
        using var broken = Factory.WithWebHostBuilder(b => b.UseSetting(setting, value));
        var client = broken.CreateClient();

        var live = await client.GetAsync("/health/live");
        var ready = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
    }
}
