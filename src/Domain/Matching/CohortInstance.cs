using System.Numerics;

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
        var mentorIndex = new Dictionary<Guid, int>();
        for (var j = 0; j < M; j++)
        {
            mentorIndex[mentors[j].MemberId] = j;
        }

        var forbiddenByMentee = new Dictionary<Guid, List<int>>();
        foreach (var pair in forbidden)
        {
            if (mentorIndex.TryGetValue(pair.MentorId, out var j))
            {
                if (!forbiddenByMentee.TryGetValue(pair.MenteeId, out var list))
                {
                    forbiddenByMentee[pair.MenteeId] = list = [];
                }

                list.Add(j);
            }
        }

        Start = new int[N + 1];
        var edgeMentor = new int[Math.Max(16, Math.Min((long)N * M, 1 << 20))];
        var edgeScore = new int[edgeMentor.Length];
        var keys = new long[M];
        var blocked = new int[M];
        Span<ulong> menteeLanguages = stackalloc ulong[languages.Words];
        Span<ulong> menteeTopics = stackalloc ulong[topics.Words];
        Span<ulong> menteeSettings = stackalloc ulong[settings.Words];
        Span<ulong> menteeSlots = stackalloc ulong[slots.Words];
        var exact = new double[4];
        var count = 0;
        for (var i = 0; i < N; i++)
        {
            var mentee = mentees[i];
            var stamp = i + 1;
            if (forbiddenByMentee.TryGetValue(mentee.MemberId, out var list))
            {
                foreach (var j in list)
                {
                    blocked[j] = stamp;
                }
            }

            languages.Fill(mentee.Languages, menteeLanguages);
            topics.Fill(mentee.Topics, menteeTopics);
            settings.Fill(mentee.PracticeSettings, menteeSettings);
            slots.Fill(mentee.Availability, menteeSlots);
            var wantTopics = PopCount(menteeTopics);
            var wantSettings = PopCount(menteeSettings);
            var wantSlots = PopCount(menteeSlots);

            // Every score this mentee can get, by (shared topics, same region, shared settings, shared slots).
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
                                weights, new CriterionCounts(t, wantTopics, r == 1, s, wantSettings, a, wantSlots), exact);
                        }
                    }
                }
            }

            var region = RegionIndex(mentee.Region);
            var rowCount = 0;
            for (var j = 0; j < M; j++)
            {
                var mentor = mentors[j];
                if (mentor.Capacity <= 0
                    || mentor.CareerStageRank <= mentee.CareerStageRank
                    || blocked[j] == stamp
                    || mentor.MemberId == mentee.MemberId
                    || !Intersects(menteeLanguages, mentorLanguages.Row(j)))
                {
                    continue;
                }

                var t = SharedCount(menteeTopics, mentorTopics.Row(j));
                var s = SharedCount(menteeSettings, mentorSettings.Row(j));
                var a = SharedCount(menteeSlots, mentorSlots.Row(j));
                var r = mentorRegion[j] == region ? 1 : 0;
                var score = table[(((t * 2) + r) * (wantSettings + 1) + s) * (wantSlots + 1) + a];
                keys[rowCount++] = ((long)(MaxScore - score) << 32) | (uint)j;
            }

            // Best first, then mentor index: the order every later tie-break relies on.
            keys.AsSpan(0, rowCount).Sort();
            if (count + rowCount > edgeMentor.Length)
            {
                var size = Math.Max(edgeMentor.Length * 2L, count + rowCount);
                Array.Resize(ref edgeMentor, (int)Math.Min(size, Array.MaxLength));
                Array.Resize(ref edgeScore, edgeMentor.Length);
            }

            for (var k = 0; k < rowCount; k++)
            {
                edgeMentor[count + k] = (int)(uint)keys[k];
                edgeScore[count + k] = MaxScore - (int)(keys[k] >> 32);
            }

            count += rowCount;
            Start[i + 1] = count;
        }

        EdgeMentor = edgeMentor;
        EdgeScore = edgeScore;
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
