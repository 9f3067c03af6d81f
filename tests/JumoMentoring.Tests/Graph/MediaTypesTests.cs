using JumoMentoring.Api.Graph;
using JumoMentoring.Domain.ReferenceData;

namespace JumoMentoring.Tests.Graph;

public sealed class MediaTypesTests
{
    [Theory]
    [InlineData("application/json", true)]
    [InlineData("application/json; charset=utf-8", true)]
    [InlineData("APPLICATION/JSON; charset=UTF-8", true)]
    [InlineData("application/json; charset=iso-8859-1", false)]
    [InlineData("application/graphql", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Only_utf8_json_request_bodies_are_accepted(string? contentType, bool accepted) =>
        Assert.Equal(accepted, MediaTypes.IsJsonRequest(contentType));

    [Theory]
    [InlineData(null, Language.Fr)]
    [InlineData("", Language.Fr)]
    [InlineData("en", Language.En)]
    [InlineData("en-CA,fr;q=0.8", Language.En)]
    [InlineData("fr-CA,en;q=0.8", Language.Fr)]
    [InlineData("de-DE,en;q=0.5", Language.En)]
    [InlineData("fr;q=0.2,en;q=0.9", Language.En)]
    [InlineData("es", Language.Fr)]
    public void Reader_language_comes_from_accept_language_french_first(string? header, Language expected) =>
        Assert.Equal(expected, GraphUserContext.FromAcceptLanguage(header));

    [Fact]
    public void Global_ids_round_trip_and_reject_garbage()
    {
        var id = Guid.NewGuid();
        var encoded = GlobalId.Encode("Member", id);

        Assert.True(GlobalId.TryDecode(encoded, out var type, out var decoded));
        Assert.Equal(("Member", id), (type, decoded));
        Assert.False(GlobalId.TryDecode("Member:" + id, out _, out _));
        Assert.False(GlobalId.TryDecode("", out _, out _));
        Assert.False(GlobalId.TryDecode(new string('A', 200), out _, out _));
    }
}
