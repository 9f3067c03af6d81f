using GraphQL;
using GraphQL.DataLoader;
using JumoMentoring.Api.Graph;
using JumoMentoring.Chat;

namespace JumoMentoring.Api.Conversations;

public static class ConversationLoaders
{
    /// <summary>Read state and latest message of the conversations of a level, in one Redis round trip.</summary>
    public static IDataLoaderResult<ConversationSummary?> SummaryOf(this IResolveFieldContext context, ConversationMembership membership) =>
        context.Loaders().Get<ConversationMembership, ConversationSummary>("conversation-summary", async (services, memberships, _) =>
        {
            var summaries = await services.GetRequiredService<ChatStore>().GetSummariesAsync(memberships);
            return summaries.ToDictionary(s => s.Membership);
        }).Load(membership);

    /// <summary>Presence of the members of a level (callers ask only for the viewer's match partners).</summary>
    public static IDataLoaderResult<MemberPresence?> PresenceOf(this IResolveFieldContext context, Guid memberId) =>
        context.Loaders().Get<Guid, MemberPresence>("presence", async (services, ids, _) =>
            await services.GetRequiredService<PresenceTracker>().GetPresenceAsync(ids)).Load(memberId);

    /// <summary>The viewer's conversation with this id, or null when there is none or the viewer is not one of its members.</summary>
    public static IDataLoaderResult<ConversationMembership?> ConversationById(this IResolveFieldContext context, Guid id)
    {
        var member = context.Viewer().MemberId;
        return context.Loaders().Get<Guid, ConversationMembership>("conversation-by-id", async (services, ids, ct) =>
        {
            var found = new Dictionary<Guid, ConversationMembership>();
            if (member is not { } me)
            {
                return found;
            }

            var access = services.GetRequiredService<ConversationAccess>();
            foreach (var conversationId in ids.Distinct())
            {
                try
                {
                    found[conversationId] = await access.RequireAsync(conversationId, me, ct);
                }
                catch (ChatException)
                {
                    // Not found, or not a participant: null, as node(id:) answers for anything you may not see.
                }
            }

            return found;
        }).Load(id);
    }
}
