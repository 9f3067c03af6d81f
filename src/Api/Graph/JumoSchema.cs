using GraphQL;
using GraphQL.Types;
using JumoMentoring.Api.CheckIns;
using JumoMentoring.Api.Conversations;
using JumoMentoring.Api.Goals;
using JumoMentoring.Api.Matches;
using JumoMentoring.Api.Matching;
using JumoMentoring.Api.Meetings;
using JumoMentoring.Api.Members;
using JumoMentoring.Api.Programs;
using JumoMentoring.Api.ReferenceData;
using JumoMentoring.Api.Reports;
using JumoMentoring.Api.Resources;
using JumoMentoring.Api.Sync;
using JumoMentoring.Api.Webhooks;

namespace JumoMentoring.Api.Graph;

public sealed class QueryType : ObjectGraphType
{
    public QueryType(NodeResolvers nodes)
    {
        Name = "Query";
        this.AddNodeFields(nodes);
        this.AddReferenceDataQueries();
        this.AddProgramQueries(nodes);
        this.AddMemberQueries(nodes);
        this.AddMatchQueries(nodes);
        this.AddResourceQueries(nodes);
        this.AddMatchingQueries(nodes);
        this.AddSyncQueries(nodes);
        this.AddWebhookQueries(nodes);
        this.AddGoalQueries(nodes);
        this.AddMeetingQueries(nodes);
        this.AddCheckInQueries(nodes);
        this.AddReportQueries();
        this.AddConversationQueries(nodes);
    }
}

public sealed class MutationType : ObjectGraphType
{
    public MutationType()
    {
        Name = "Mutation";
        this.AddMemberMutations();
        this.AddProgramMutations();
        this.AddMatchMutations();
        this.AddCohortMatchingMutations();
        this.AddSyncMutations();
        this.AddWebhookMutations();
        this.AddGoalMutations();
        this.AddMeetingMutations();
        this.AddCheckInMutations();
        this.AddConversationMutations();
        this.AddResourceMutations();
    }
}

/// <summary>Served over WebSocket only (graphql-transport-ws at /graphql): see <see cref="GraphQLWebSocketEndpoint"/>.</summary>
public sealed class SubscriptionType : ObjectGraphType
{
    public SubscriptionType()
    {
        Name = "Subscription";
        Description = "Live events, served over WebSocket only: the graphql-transport-ws protocol at /graphql.";
        this.AddConversationSubscriptions();
        this.AddMatchSubscriptions();
    }
}

public sealed class JumoSchema : Schema
{
    public JumoSchema(IServiceProvider services, QueryType query, MutationType mutation, SubscriptionType subscription)
        : base(services)
    {
        Description = "JumoMentoring: mentoring programs of the Quebec college of family physicians.";
        Query = query;
        Mutation = mutation;
        Subscription = subscription;

        // Introspection runs in memory: let tools fetch the whole schema whatever its size.
        this.WithIntrospectionComplexityImpact(0);
    }
}
