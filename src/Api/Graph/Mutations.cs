using GraphQL.Types;
using JumoMentoring.Domain.ReferenceData;

namespace JumoMentoring.Api.Graph;

/// <summary>
/// A business-rule failure of a mutation (ALREADY_ENROLLED, COHORT_FULL…): returned in the payload,
/// not thrown, so a client can show it next to the input <see cref="Field"/> it concerns.
/// </summary>
public sealed record MutationError(string Code, string Message, string? Field);

/// <summary>What every mutation answers: its result when it succeeded, else the errors (nothing was changed).</summary>
public sealed record Payload<T>(T? Result, IReadOnlyList<MutationError> Errors)
    where T : class
{
    public static Payload<T> Ok(T result) => new(result, []);

    public static Payload<T> Fail(IReadOnlyList<MutationError> errors) => new(null, errors);

    public static Payload<T> Fail(MutationError error) => new(null, [error]);
}

/// <summary>Collects the errors of one mutation in the reader's language.</summary>
public sealed class MutationErrors(Language language)
{
    private readonly List<MutationError> errors = [];

    public bool Any => errors.Count > 0;

    public IReadOnlyList<MutationError> All => errors;

    public MutationError Add(string code, string french, string english, string? field = null)
    {
        var error = new MutationError(code, language == Language.En ? english : french, field);
        errors.Add(error);
        return error;
    }
}

public sealed class MutationErrorType : ObjectGraphType<MutationError>
{
    public MutationErrorType()
    {
        Name = "MutationError";
        Description = "Why a mutation changed nothing: a stable code, a message in the reader's language, and the input field concerned.";
        Field(e => e.Code).Description("Stable code, e.g. ALREADY_ENROLLED.");
        Field(e => e.Message);
        Field(e => e.Field, nullable: true).Description("The input field at fault, when there is one.");
    }
}

/// <summary>A mutation payload: one result field, null on failure, and <c>errors</c>.</summary>
public abstract class PayloadType<TResultType, T> : ObjectGraphType<Payload<T>>
    where TResultType : IGraphType
    where T : class
{
    protected PayloadType(string name, string resultField)
    {
        Name = name;
        Field<TResultType>(resultField).Resolve(c => c.Source.Result);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MutationErrorType>>>>("errors")
            .Description("Empty when the mutation succeeded.")
            .Resolve(c => c.Source.Errors);
    }
}
