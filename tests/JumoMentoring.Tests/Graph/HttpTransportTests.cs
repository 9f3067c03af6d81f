using System.Net;
using JumoMentoring.Tests.Infrastructure;

namespace JumoMentoring.Tests.Graph;

/// <summary>The GraphQL-over-HTTP rules, each through real HTTP.</summary>
public sealed class HttpTransportTests(ApiFactory factory) : ApiTest(factory)
{
    protected override string? SignedInAs => DemoPeople.Admin;

    private const string Json = "application/json";
    private const string GraphQLJson = GraphQLClient.GraphQLResponseMediaType;

    [Fact]
    public async Task Post_with_graphql_response_accept_answers_200_in_that_media_type()
    {
        var response = await Graph.QueryAsync("{ programs { code } }");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(GraphQLJson, response.MediaType);
        Assert.Equal("utf-8", response.Message.Content.Headers.ContentType?.CharSet);
        Assert.Equal(2, response.EnsureNoErrors().Data["programs"]!.AsArray().Count);
    }

    [Fact]
    public async Task French_text_is_sent_as_utf8_not_escaped()
    {
        var response = await Graph.QueryAsync("{ programs { name } }");
        var raw = await response.Message.Content.ReadAsStringAsync();

        Assert.Contains("JUMO – mentorat virtuel", raw, StringComparison.Ordinal);
        Assert.Contains("Programme de mentorat structuré", raw, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, Json)]
    [InlineData("*/*", Json)]
    [InlineData("application/json", Json)]
    [InlineData("application/*", Json)]
    [InlineData("application/graphql-response+json, application/json", GraphQLJson)]
    [InlineData("application/json;q=0.5, application/graphql-response+json", GraphQLJson)]
    [InlineData("application/json, application/graphql-response+json;q=0.5", Json)]
    public async Task Accept_header_chooses_the_response_media_type(string? accept, string expected)
    {
        var response = await Graph.QueryAsync("{ programs { code } }", accept: accept!);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(expected, response.MediaType);
    }

    [Fact]
    public async Task Accept_without_a_json_media_type_answers_406()
    {
        var response = await Graph.QueryAsync("{ programs { code } }", accept: "text/html");

        Assert.Equal(HttpStatusCode.NotAcceptable, response.Status);
        Assert.Equal("NOT_ACCEPTABLE", response.FirstErrorCode);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=latin1")]
    [InlineData(null)]
    public async Task Post_body_that_is_not_json_media_type_answers_415(string? contentType)
    {
        var response = await Graph.PostRawAsync("""{"query":"{ programs { code } }"}""", contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.Status);
        Assert.Equal("UNSUPPORTED_MEDIA_TYPE", response.FirstErrorCode);
    }

    [Theory]
    [InlineData("{not json", GraphQLJson)]
    [InlineData("{not json", Json)]
    [InlineData("", GraphQLJson)]
    [InlineData("[]", GraphQLJson)]
    [InlineData("{}", GraphQLJson)]
    [InlineData("""{"query": null}""", Json)]
    [InlineData("""{"query": 42}""", GraphQLJson)]
    [InlineData("""{"query": {"a": 1}}""", Json)]
    [InlineData("""{"query": "{ programs { code } }", "variables": "[]"}""", GraphQLJson)]
    [InlineData("""{"query": "{ programs { code } }", "variables": [1]}""", Json)]
    [InlineData("""{"query": "{ programs { code } }", "operationName": 7}""", GraphQLJson)]
    [InlineData("""{"query": "{ programs { code } }", "extensions": "x"}""", Json)]
    public async Task Malformed_requests_answer_400_with_a_graphql_error_body(string body, string accept)
    {
        var response = await Graph.PostRawAsync(body, "application/json", accept);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(accept, response.MediaType);
        Assert.Equal("BAD_REQUEST", response.FirstErrorCode);
        Assert.False(string.IsNullOrWhiteSpace(response.Errors![0]!["message"]!.GetValue<string>()));
        Assert.Null(response.Body!["data"]);
    }

    [Fact]
    public async Task Null_variables_operation_name_and_extensions_are_accepted()
    {
        var response = await Graph.PostRawAsync(
            """{"query": "{ programs { code } }", "variables": null, "operationName": null, "extensions": null}""", "application/json");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        response.EnsureNoErrors();
    }

    [Theory]
    [InlineData(GraphQLJson, HttpStatusCode.BadRequest)]
    [InlineData(Json, HttpStatusCode.OK)]
    public async Task Parse_errors_answer_the_status_of_the_media_type(string accept, HttpStatusCode expected)
    {
        var response = await Graph.QueryAsync("{ programs { code ", accept: accept);

        Assert.Equal(expected, response.Status);
        Assert.Equal("GRAPHQL_PARSE_FAILED", response.FirstErrorCode);
        Assert.Null(response.Body!["data"]);
    }

    [Theory]
    [InlineData(GraphQLJson, HttpStatusCode.BadRequest)]
    [InlineData(Json, HttpStatusCode.OK)]
    public async Task Validation_errors_answer_the_status_of_the_media_type(string accept, HttpStatusCode expected)
    {
        var response = await Graph.QueryAsync("{ programs { noSuchField } }", accept: accept);

        Assert.Equal(expected, response.Status);
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", response.FirstErrorCode);
        Assert.NotNull(response.Errors![0]!["locations"]);
    }

    [Fact]
    public async Task Variables_of_the_wrong_type_are_a_validation_error()
    {
        var response = await Graph.QueryAsync("query($first: Int) { members(first: $first) { totalCount } }", new { first = "ten" });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", response.FirstErrorCode);
    }

    [Fact]
    public async Task Operation_name_selects_the_operation_and_an_unknown_one_is_a_request_error()
    {
        const string document = "query A { programs { code } } query B { members(first: 1) { totalCount } }";

        var chosen = await Graph.PostRawAsync(System.Text.Json.JsonSerializer.Serialize(new { query = document, operationName = "B" }), Json);
        var unknown = await Graph.PostRawAsync(System.Text.Json.JsonSerializer.Serialize(new { query = document, operationName = "C" }), Json);
        var missing = await Graph.QueryAsync(document);

        Assert.Equal(DemoPeople.MemberCount, chosen.EnsureNoErrors().Data["members"]!["totalCount"]!.GetValue<int>());
        Assert.Null(chosen.Data["programs"]);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.Status);
        Assert.NotNull(unknown.FirstErrorCode);
        Assert.Equal(HttpStatusCode.BadRequest, missing.Status);
    }

    [Fact]
    public async Task Get_runs_queries_with_json_encoded_variables()
    {
        var query = Uri.EscapeDataString("query($first: Int) { members(first: $first) { nodes { memberNumber } } }");
        var variables = Uri.EscapeDataString("""{"first": 3}""");

        var response = await Graph.GetAsync($"query={query}&variables={variables}");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(3, response.EnsureNoErrors().Data["members"]!["nodes"]!.AsArray().Count);
    }

    [Fact]
    public async Task Get_refuses_a_mutation_with_405_and_allow_post()
    {
        var response = await Graph.GetAsync("query=" + Uri.EscapeDataString("mutation { __typename }"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.Status);
        Assert.Equal("POST", response.Message.Content.Headers.Allow.Single());
        Assert.Equal("METHOD_NOT_ALLOWED", response.FirstErrorCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("query=")]
    [InlineData("query={programs{code}}&variables=%7Bnot")]
    [InlineData("query={programs{code}}&variables=%5B%5D")]
    [InlineData("query={programs{code}}&query={programs{code}}")]
    public async Task Get_with_bad_parameters_answers_400(string queryString)
    {
        var response = await Graph.GetAsync(queryString);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("BAD_REQUEST", response.FirstErrorCode);
    }

    [Fact]
    public async Task Other_methods_answer_405_with_allow()
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "/graphql") { Content = new StringContent("{}") };

        var response = await Graph.SendAsync(request, null, null);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.Status);
        Assert.Equal(["GET", "POST"], response.Message.Content.Headers.Allow.Order().ToArray());
    }

    [Fact]
    public async Task Subscriptions_are_refused_over_http()
    {
        var response = await Graph.QueryAsync("subscription { programs { code } }");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
    }

    [Fact]
    public async Task Get_sdl_returns_the_schema_as_text()
    {
        var response = await Graph.Http.GetAsync("/graphql?sdl");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("type Query {", text, StringComparison.Ordinal);
        Assert.Contains("interface Node {", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Queries_deeper_than_the_limit_are_refused_before_running()
    {
        // members > nodes > (enrolments > member) x 8 > id: deeper than 15 levels.
        var nested = "id";
        for (var i = 0; i < 8; i++)
        {
            nested = $"enrolments {{ member {{ {nested} }} }}";
        }

        var query = $"{{ members(first: 1) {{ nodes {{ {nested} }} }} }}";

        var response = await Graph.QueryAsync(query);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("QUERY_TOO_COMPLEX", response.FirstErrorCode);
    }

    [Fact]
    public async Task Standard_introspection_is_allowed()
    {
        const string query = """
            query IntrospectionQuery { __schema { queryType { name } types { kind name fields(includeDeprecated: true) { name args { name type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } } } } }
            """;

        var response = await Graph.QueryAsync(query);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        response.EnsureNoErrors();
    }

    [Fact]
    public async Task Unexpected_errors_are_masked_and_keep_the_status_of_an_executed_request()
    {
        // A database that does not answer: the resolver fails with an exception nobody planned for.
        using var broken = Factory.WithWebHostBuilder(b => b.UseSetting("ConnectionStrings:Postgres", "Host=127.0.0.1;Port=1;Database=none;Username=x;Password=x;Timeout=2"));
        var client = new GraphQLClient(broken.CreateClient());

        var response = await client.QueryAsync("{ programs { code } }");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("INTERNAL_SERVER_ERROR", response.FirstErrorCode);
        var body = response.Body!.ToJsonString();
        Assert.DoesNotContain("Npgsql", body, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        Assert.Equal(["programs"], response.Errors![0]!["path"]!.AsArray().Select(p => p!.GetValue<string>()));
    }
}
