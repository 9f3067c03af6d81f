using System.Runtime.CompilerServices;

namespace JumoMentoring.Domain.Matching;

/// <summary>
/// Maximum-cardinality assignment of mentees to mentor places using only pairs scoring at least a
/// threshold (Hopcroft–Karp generalised to capacities). The matching is kept between thresholds:
/// lowering the threshold keeps every pair, raising it drops the pairs now below it, so a binary search
/// over thresholds mostly repairs rather than rebuilds. Because each mentee's pairs are stored best
/// first, "pairs at or above the threshold" is a prefix of its list.
/// </summary>
internal sealed class ThresholdMatching
{
    private const int Unreached = int.MaxValue;

    private readonly CohortInstance _g;
    private readonly int[] _limit;
    private readonly int[] _mentorOf;
    private readonly int[] _scoreOf;
    private readonly int[] _slotOf;
    private readonly int[] _slotStart;
    private readonly int[] _load;
    private readonly int[] _slots;
    private readonly int[] _layer;
    private readonly int[] _next;
    private readonly int[] _queue;
    private int _threshold = int.MaxValue;
    private int _freeLayer;

    public ThresholdMatching(CohortInstance g)
    {
        _g = g;
        _limit = new int[g.N];
        _mentorOf = new int[g.N];
        _mentorOf.AsSpan().Fill(-1);
        _scoreOf = new int[g.N];
        _slotOf = new int[g.N];
        _slotStart = new int[g.M + 1];
        for (var j = 0; j < g.M; j++)
        {
            _slotStart[j + 1] = _slotStart[j] + Math.Min(g.Capacity[j], g.N);
        }

        _load = new int[g.M];
        _slots = new int[_slotStart[g.M]];
        _layer = new int[g.N];
        _next = new int[g.N];
        _queue = new int[g.N];
    }

    public int Size { get; private set; }

    /// <summary>
    /// Uses only pairs scoring ≥ <paramref name="threshold"/> (hundredths) and grows the matching until
    /// it has <paramref name="target"/> pairs or is maximum. Returns whether the target was reached.
    /// </summary>
    public bool Reach(int threshold, int target)
    {
        SetThreshold(threshold);
        while (Size < target && Phase())
        {
        }

        return Size >= target;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SetThreshold(int threshold)
    {
        for (var i = 0; i < _g.N; i++)
        {
            // The prefix of mentee i's list (best first) scoring ≥ threshold.
            int lo = _g.Start[i], hi = _g.Start[i + 1];
            while (lo < hi)
            {
                var mid = (lo + hi) >>> 1;
                if (_g.EdgeScore[mid] >= threshold)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            _limit[i] = lo;
            if (threshold > _threshold && _mentorOf[i] >= 0 && _scoreOf[i] < threshold)
            {
                Unassign(i);
            }
        }

        _threshold = threshold;
    }

    /// <summary>One Hopcroft–Karp phase: shortest augmenting paths, vertex-disjoint. False when none exists.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Phase()
    {
        var head = 0;
        var tail = 0;
        for (var i = 0; i < _g.N; i++)
        {
            if (_mentorOf[i] < 0)
            {
                _layer[i] = 0;
                _queue[tail++] = i;
            }
            else
            {
                _layer[i] = Unreached;
            }
        }

        _freeLayer = Unreached;
        while (head < tail)
        {
            var u = _queue[head++];
            if (_layer[u] >= _freeLayer)
            {
                break;
            }

            for (var e = _g.Start[u]; e < _limit[u]; e++)
            {
                var v = _g.EdgeMentor[e];
                if (_load[v] < _g.Capacity[v])
                {
                    _freeLayer = Math.Min(_freeLayer, _layer[u]);
                    continue;
                }

                for (var s = _slotStart[v]; s < _slotStart[v] + _load[v]; s++)
                {
                    var w = _slots[s];
                    if (_layer[w] == Unreached)
                    {
                        _layer[w] = _layer[u] + 1;
                        _queue[tail++] = w;
                    }
                }
            }
        }

        if (_freeLayer == Unreached)
        {
            return false;
        }

        for (var i = 0; i < _g.N; i++)
        {
            _next[i] = _g.Start[i];
        }

        var grown = false;
        for (var i = 0; i < _g.N; i++)
        {
            if (_mentorOf[i] < 0 && _layer[i] == 0 && Augment(i))
            {
                grown = true;
            }
        }

        return grown;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Augment(int u)
    {
        for (; _next[u] < _limit[u]; _next[u]++)
        {
            var e = _next[u];
            var v = _g.EdgeMentor[e];
            if (_layer[u] == _freeLayer)
            {
                if (_load[v] < _g.Capacity[v] && v != _mentorOf[u])
                {
                    Move(u, v, _slotStart[v] + _load[v]++, _g.EdgeScore[e]);
                    Size++;
                    return true;
                }

                continue;
            }

            if (_load[v] < _g.Capacity[v] || v == _mentorOf[u])
            {
                continue;
            }

            for (var s = _slotStart[v]; s < _slotStart[v] + _load[v]; s++)
            {
                var w = _slots[s];
                if (_layer[w] == _layer[u] + 1 && Augment(w))
                {
                    // w moved to another mentor; u takes its place here. Size grew in the deepest call.
                    Move(u, v, s, _g.EdgeScore[e]);
                    return true;
                }
            }
        }

        _layer[u] = Unreached;
        return false;
    }

    private void Move(int mentee, int mentor, int slot, int score)
    {
        _slots[slot] = mentee;
        _mentorOf[mentee] = mentor;
        _slotOf[mentee] = slot;
        _scoreOf[mentee] = score;
    }

    private void Unassign(int mentee)
    {
        var v = _mentorOf[mentee];
        var last = _slotStart[v] + --_load[v];
        var slot = _slotOf[mentee];
        var moved = _slots[last];
        _slots[slot] = moved;
        _slotOf[moved] = slot;
        _mentorOf[mentee] = -1;
        Size--;
    }
}
