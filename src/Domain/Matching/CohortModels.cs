using System.Text.Json.Serialization;

namespace JumoMentoring.Domain.Matching;

/// <summary>What a whole-cohort assignment optimises. Both first match as many mentees as possible.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CohortObjective>))]
public enum CohortObjective
{
    /// <summary>Most mentees matched, then the largest total score.</summary>
    TotalFit,

    /// <summary>Most mentees matched, then the best score for the worst-off matched mentee, then the largest total score.</summary>
    Fairest,
}

[JsonConverter(typeof(JsonStringEnumConverter<CohortMethod>))]
public enum CohortMethod
{
    /// <summary>The exact optimum of the objective (<see cref="CohortSolver.Solve(CohortInput)"/>).</summary>
    Optimal,

    /// <summary>Mentee by mentee, the best mentor with a free place (<see cref="CohortSolver.Greedy"/>), for comparison.</summary>
    GreedyBaseline,
}

/// <summary>
/// Everything a cohort run depends on. The caller stores it with the result: the same input gives the
/// same result, whatever the order of the lists.
/// </summary>
public sealed record CohortInput
{
    public required IReadOnlyList<MatchingProfile> Mentees { get; init; }

    /// <summary>Mentors, each with its free places in <see cref="MatchingProfile.Capacity"/>.</summary>
    public required IReadOnlyList<MatchingProfile> Mentors { get; init; }
    public MatchingWeights Weights { get; init; } = MatchingWeights.Default;
    public CohortObjective Objective { get; init; } = CohortObjective.TotalFit;

    /// <summary>Pairs already matched together in the program: they fail <see cref="HardConstraint.AlreadyMatched"/>.</summary>
    public IReadOnlyList<MemberPair> ExistingPairs { get; init; } = [];

    /// <summary>Pairs a coordinator ruled out: never used.</summary>
    public IReadOnlyList<MemberPair> BannedPairs { get; init; } = [];

    /// <summary>Pairs a coordinator imposed: always in the result, or the run is refused with a <see cref="CohortProblem"/>.</summary>
    public IReadOnlyList<MemberPair> LockedPairs { get; init; } = [];
}

[JsonConverter(typeof(JsonStringEnumConverter<CohortProblemKind>))]
public enum CohortProblemKind
{
    InvalidWeights,
    DuplicateMentee,
    DuplicateMentor,

    /// <summary>A locked pair names a member who is not among the mentees or the mentors.</summary>
    LockUnknownMember,

    /// <summary>One mentee is locked with two different mentors.</summary>
    MenteeLockedTwice,

    /// <summary>A locked pair fails hard constraints (listed in <see cref="CohortProblem.FailedConstraints"/>).</summary>
    LockBreaksHardConstraint,

    /// <summary>A mentor has more locked mentees than free places.</summary>
    LockExceedsCapacity,
}

/// <summary>Why a run was refused. A refused run has no pairs.</summary>
public sealed record CohortProblem
{
    public required CohortProblemKind Kind { get; init; }
    public Guid? MenteeId { get; init; }
    public Guid? MentorId { get; init; }
    public IReadOnlyList<HardConstraint> FailedConstraints { get; init; } = [];
    public required string Message { get; init; }
}

public sealed record CohortPair
{
    public required Guid MenteeId { get; init; }
    public required Guid MentorId { get; init; }
    public required decimal Score { get; init; }

    /// <summary>Imposed by a coordinator rather than chosen by the solver.</summary>
    public bool Locked { get; init; }
}

[JsonConverter(typeof(JsonStringEnumConverter<UnmatchedReason>))]
public enum UnmatchedReason
{
    /// <summary>No mentor of the cohort passes the hard constraints with this mentee.</summary>
    NoCompatibleMentor,

    /// <summary>
    /// Compatible mentors exist but their places all went to other mentees: since the solver matches as
    /// many mentees as possible, giving this mentee a place would leave another one unmatched.
    /// </summary>
    CompatibleMentorsFull,
}

/// <summary>How many mentors fail a given hard constraint with a mentee.</summary>
public sealed record ConstraintCount(HardConstraint Constraint, int Mentors);

public sealed record UnmatchedMentee
{
    public required Guid MenteeId { get; init; }
    public required UnmatchedReason Reason { get; init; }

    /// <summary>Mentors passing every hard constraint with this mentee.</summary>
    public required int CompatibleMentors { get; init; }

    /// <summary>
    /// For <see cref="UnmatchedReason.NoCompatibleMentor"/>: the failed hard constraints over all the
    /// mentors, most frequent first (a mentor failing two constraints counts in both).
    /// </summary>
    public IReadOnlyList<ConstraintCount> FailedConstraints { get; init; } = [];
}

/// <summary>Deterministic facts about how a run went (no timings: they would make results differ).</summary>
public sealed record CohortSolverStats
{
    /// <summary>Mentee–mentor pairs passing the hard constraints (locked mentees left out).</summary>
    public required long CompatiblePairs { get; init; }

    /// <summary>Pairs the min-cost flow worked on, after pricing added any it needed.</summary>
    public required long CandidatePairs { get; init; }

    /// <summary>Times the optimality check over every compatible pair found pairs to add and solved again.</summary>
    public required int PricingRounds { get; init; }

    /// <summary>Fairest: the score threshold, in hundredths, every chosen pair reaches.</summary>
    public int? FairnessThreshold { get; init; }
}

public sealed record CohortResult
{
    public required CohortObjective Objective { get; init; }
    public required CohortMethod Method { get; init; }

    /// <summary>Why the run was refused; empty when it was solved.</summary>
    public IReadOnlyList<CohortProblem> Problems { get; init; } = [];

    /// <summary>The pairs, locked ones included, by mentee id.</summary>
    public IReadOnlyList<CohortPair> Pairs { get; init; } = [];

    /// <summary>The mentees left without a mentor, by mentee id.</summary>
    public IReadOnlyList<UnmatchedMentee> Unmatched { get; init; } = [];
    public decimal TotalScore { get; init; }

    /// <summary>The lowest score among the pairs the solver chose (locked pairs are not its choice); null when it chose none.</summary>
    public decimal? WorstScore { get; init; }
    public CohortSolverStats? Stats { get; init; }

    [JsonIgnore]
    public bool IsSolved => Problems.Count == 0;

    [JsonIgnore]
    public int MatchedCount => Pairs.Count;
}
