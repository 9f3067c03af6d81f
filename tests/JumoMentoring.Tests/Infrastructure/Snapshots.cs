using System.Text.Json.Nodes;
using Newtonsoft.Json.Linq;
using Snapshooter;
using Snapshooter.Xunit;

namespace JumoMentoring.Tests.Infrastructure;

public static class Snapshots
{
    private static readonly HashSet<string> Volatile = new(StringComparer.Ordinal)
    {
        "id", "cursor", "startCursor", "endCursor", "createdAt", "updatedAt",
    };

    /// <summary>Matches a JSON response against its snapshot with ids, cursors and timestamps removed.</summary>
    public static void MatchJson(JsonNode? node, SnapshotNameExtension? name = null)
    {
        var stable = Strip(node?.DeepClone());
        var token = JToken.Parse(stable?.ToJsonString() ?? "null");
        if (name is null)
        {
            Snapshot.Match(token);
        }
        else
        {
            Snapshot.Match(token, name);
        }
    }

    private static JsonNode? Strip(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    if (Volatile.Contains(key))
                    {
                        obj.Remove(key);
                    }
                    else
                    {
                        Strip(obj[key]);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Strip(item);
                }

                break;
        }

        return node;
    }
}
