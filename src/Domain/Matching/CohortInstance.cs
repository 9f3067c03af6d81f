using System.Numerics;
using System.Runtime.CompilerServices;

namespace JumoMentoring.Domain.Matching;

/// <summary>
/// A cohort reduced to integers: mentees and mentors sorted by member id (so the list order of the input
/// never matters), residual capacities, and every compatible pair with its score in hundredths, stored
/// per mentee best first (score descending, then mentor index). Scores come from
/// <see cref="CompatibilityScorer.Hundredths"/> through a per-mentee table, so they are the scorer's
/// to the hundredth, and codes are compared as bit sets so that 4 million pairs take milliseconds.
/// </summary>
internal sealed class CohortInstance
{
    public const int MaxScore = 10_000;

    private readonly Dictionary<string, int> _regions = new(StringComparer.Ordinal);

    public CohortInstance(
        CompatibilityScorer scorer,
        IReadOnlyList<MatchingProfile> mentees,
        IReadOnlyList<MatchingProfile> mentors,
        IReadOnlyList<int> capacities,
        IReadOnlySet<MemberPair> forbidden)
    {
        Mentees = mentees;
        Mentors = mentors;
        Capacity = [.. capacities];
        N = mentees.Count;
        M = mentors.Count;

        var all = mentees.Concat(mentors).ToList();
        var languages = new CodeIndex(all.Select(p => p.Languages));
        var topics = new CodeIndex(all.Select(p => p.Topics));
        var settings = new CodeIndex(all.Select(p => p.PracticeSettings));
        var slots = new CodeIndex(all.Select(p => p.Availability));

        var mentorLanguages = languages.Masks(mentors.Select(p => p.Languages));
        var mentorTopics = topics.Masks(mentors.Select(p => p.Topics));
        var mentorSettings = settings.Masks(mentors.Select(p => p.PracticeSettings));
        var mentorSlots = slots.Masks(mentors.Select(p => p.Availability));
        var mentorRegion = mentors.Select(p => RegionIndex(p.Region)).ToArray();
        var menteeRegion = mentees.Select(p => RegionIndex(p.Region)).ToArray();
        var mentorRank = mentors.Select(p => p.CareerStageRank).ToArray();
        var mentorOpen = mentors.Select(p => p.Capacity > 0).ToArray();
        var mentorIndex = new Dictionary<Guid, int>();
        for (var j = 0; j < M; j++)
        {
            mentorIndex[mentors[j].MemberId] = j;
        }

        // Pairs ruled out by member id (already matched, banned, and a member with both roles paired
        // with themself), as mentor indexes per mentee.
        var blockedByMentee = new Dictionary<Guid, List<int>>();
        void Block(Guid mentee, int mentor)
        {
            if (!blockedByMentee.TryGetValue(mentee, out var list))
            {
                blockedByMentee[mentee] = list = [];
            }

            list.Add(mentor);
        }

        foreach (var pair in forbidden)
        {
            if (mentorIndex.TryGetValue(pair.MentorId, out var j))
            {
                Block(pair.MenteeId, j);
            }
        }

        foreach (var mentee in mentees)
        {
            if (mentorIndex.TryGetValue(mentee.MemberId, out var j))
            {
                Block(mentee.MemberId, j);
            }
        }

        // Rows are independent, so chunks of mentees are built in parallel and laid end to end in
        // mentee order: the result does not depend on the number of cores. Cohort runs are rare, so
        // tiered compilation would run these loops unoptimised: they are compiled fully at once.
        const int ChunkSize = 64;
        var chunks = (N + ChunkSize - 1) / ChunkSize;
        var chunkEdges = new (int[] Mentor, int[] Score)[chunks];
        var rowCount = new int[N];
        Parallel.For(0, chunks, () => new RowScratch(M, ChunkSize), [MethodImpl(MethodImplOptions.AggressiveOptimization)] (chunk, _, scratch) =>
        {
            Span<ulong> menteeLanguages = stackalloc ulong[languages.Words];
            Span<ulong> menteeTopics = stackalloc ulong[topics.Words];
            Span<ulong> menteeSettings = stackalloc ulong[settings.Words];
            Span<ulong> menteeSlots = stackalloc ulong[slots.Words];
            var written = 0;
            for (var i = chunk * ChunkSize; i < Math.Min(N, (chunk + 1) * ChunkSize); i++)
            {
                var mentee = mentees[i];
                blockedByMentee.TryGetValue(mentee.MemberId, out var blockedList);
                foreach (var j in blockedList ?? [])
                {
                    scratch.Blocked[j] = true;
                }

                languages.Fill(mentee.Languages, menteeLanguages);
                topics.Fill(mentee.Topics, menteeTopics);
                settings.Fill(mentee.PracticeSettings, menteeSettings);
                slots.Fill(mentee.Availability, menteeSlots);
                var wantTopics = PopCount(menteeTopics);
                var wantSettings = PopCount(menteeSettings);
                var wantSlots = PopCount(menteeSlots);

                // Every score this mentee can get, by cell = (shared topics, same region, shared settings,
                // shared slots), and the rank of each cell's score among them, best first.
                var weights = scorer.WeightsFor(mentee);
                var table = new int[(wantTopics + 1) * 2 * (wantSettings + 1) * (wantSlots + 1)];
                var cell = 0;
                for (var t = 0; t <= wantTopics; t++)
                {
                    for (var r = 0; r < 2; r++)
                    {
                        for (var s = 0; s <= wantSettings; s++)
                        {
                            for (var a = 0; a <= wantSlots; a++)
                            {
                                table[cell++] = CompatibilityScorer.Hundredths(
                                    weights, new CriterionCounts(t, wantTopics, r == 1, s, wantSettings, a, wantSlots), scratch.Exact);
                            }
                        }
                    }
                }

                var distinct = table.Distinct().OrderDescending().ToArray();
                var rankOfCell = table.Select(score => Array.IndexOf(distinct, score)).ToArray();

                var region = menteeRegion[i];
                var rank = mentee.CareerStageRank;
                var count = 0;
                for (var j = 0; j < M; j++)
                {
                    // The hard constraints of CompatibilityScorer.CheckHardConstraints, on integers.
                    if (!mentorOpen[j] || mentorRank[j] <= rank || scratch.Blocked[j] || !Intersects(menteeLanguages, mentorLanguages.Row(j)))
                    {
                        continue;
                    }

                    var t = SharedCount(menteeTopics, mentorTopics.Row(j));
                    var s = SharedCount(menteeSettings, mentorSettings.Row(j));
                    var a = SharedCount(menteeSlots, mentorSlots.Row(j));
                    var r = mentorRegion[j] == region ? 1 : 0;
                    scratch.Cell[count] = (((t * 2) + r) * (wantSettings + 1) + s) * (wantSlots + 1) + a;
                    scratch.Mentor[count++] = j;
                }

                foreach (var j in blockedList ?? [])
                {
                    scratch.Blocked[j] = false;
                }

                // Best score first, then mentor index: a counting sort by rank, stable in j. Every later
                // tie-break relies on this order.
                var next = new int[distinct.Length + 1];
                for (var k = 0; k < count; k++)
                {
                    next[rankOfCell[scratch.Cell[k]] + 1]++;
                }

                for (var k = 0; k < distinct.Length; k++)
                {
                    next[k + 1] += next[k];
                }

                scratch.Reserve(written + count);
                for (var k = 0; k < count; k++)
                {
                    var position = written + next[rankOfCell[scratch.Cell[k]]]++;
                    scratch.OutMentor[position] = scratch.Mentor[k];
                    scratch.OutScore[position] = table[scratch.Cell[k]];
                }

                written += count;
                rowCount[i] = count;
            }

            chunkEdges[chunk] = (scratch.OutMentor[..written], scratch.OutScore[..written]);
            return scratch;
        }, _ => { });

        Start = new int[N + 1];
        for (var i = 0; i < N; i++)
        {
            Start[i + 1] = checked(Start[i] + rowCount[i]);
        }

        EdgeMentor = new int[Start[N]];
        EdgeScore = new int[Start[N]];
        for (var chunk = 0; chunk < chunks; chunk++)
        {
            chunkEdges[chunk].Mentor.CopyTo(EdgeMentor, Start[chunk * ChunkSize]);
            chunkEdges[chunk].Score.CopyTo(EdgeScore, Start[chunk * ChunkSize]);
        }
    }

    public IReadOnlyList<MatchingProfile> Mentees { get; }
    public IReadOnlyList<MatchingProfile> Mentors { get; }
    public int N { get; }
    public int M { get; }

    /// <summary>Places left per mentor once locked pairs took theirs.</summary>
    public int[] Capacity { get; }

    /// <summary>Mentee i's compatible pairs are the edges Start[i] .. Start[i+1]-1.</summary>
    public int[] Start { get; }
    public int[] EdgeMentor { get; }
    public int[] EdgeScore { get; }
    public long EdgeCount => Start[N];

    /// <summary>Which hard constraints fail for a pair (used to explain unmatched mentees; rare, so not fast).</summary>
    public List<HardConstraint> FailedConstraints(int i, int j, MatchingContext context) =>
        [.. CompatibilityScorer.CheckHardConstraints(Mentees[i], Mentors[j], context)];

    private int RegionIndex(string region)
    {
        if (!_regions.TryGetValue(region, out var index))
        {
            _regions[region] = index = _regions.Count;
        }

        return index;
    }

    /// <summary>Buffers of one worker while it builds rows.</summary>
    private sealed class RowScratch(int mentors, int rows)
    {
        public bool[] Blocked { get; } = new bool[mentors];
        public int[] Mentor { get; } = new int[mentors];
        public int[] Cell { get; } = new int[mentors];
        public double[] Exact { get; } = new double[4];
        public int[] OutMentor { get; private set; } = new int[Math.Min(mentors * rows, 1 << 16)];
        public int[] OutScore { get; private set; } = new int[Math.Min(mentors * rows, 1 << 16)];

        public void Reserve(int size)
        {
            if (size > OutMentor.Length)
            {
                var length = Math.Max(size, OutMentor.Length * 2);
                var mentor = OutMentor;
                var score = OutScore;
                Array.Resize(ref mentor, length);
                Array.Resize(ref score, length);
                OutMentor = mentor;
                OutScore = score;
            }
        }
    }

    private static int PopCount(ReadOnlySpan<ulong> bits)
    {
        var n = 0;
        foreach (var word in bits)
        {
            n += BitOperations.PopCount(word);
        }

        return n;
    }

    private static int SharedCount(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        var n = 0;
        for (var k = 0; k < a.Length; k++)
        {
            n += BitOperations.PopCount(a[k] & b[k]);
        }

        return n;
    }

    private static bool Intersects(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        for (var k = 0; k < a.Length; k++)
        {
            if ((a[k] & b[k]) != 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Codes of one kind numbered in ordinal order, so a list of codes becomes a bit set.</summary>
    private sealed class CodeIndex
    {
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

        public CodeIndex(IEnumerable<IReadOnlyList<string>> lists)
        {
            foreach (var code in lists.SelectMany(l => l).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                _index[code] = _index.Count;
            }

            Words = Math.Max(1, (_index.Count + 63) / 64);
        }

        public int Words { get; }

        public void Fill(IReadOnlyList<string> codes, Span<ulong> bits)
        {
            bits.Clear();
            foreach (var code in codes)
            {
                var bit = _index[code];
                bits[bit >> 6] |= 1UL << (bit & 63);
            }
        }

        public BitRows Masks(IEnumerable<IReadOnlyList<string>> lists)
        {
            var rows = lists.ToList();
            var bits = new ulong[rows.Count * Words];
            for (var k = 0; k < rows.Count; k++)
            {
                Fill(rows[k], bits.AsSpan(k * Words, Words));
            }

            return new BitRows(bits, Words);
        }
    }

    private readonly struct BitRows(ulong[] bits, int words)
    {
        public ReadOnlySpan<ulong> Row(int k) => bits.AsSpan(k * words, words);
    }
}
