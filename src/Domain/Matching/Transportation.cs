using System.Runtime.CompilerServices;

namespace JumoMentoring.Domain.Matching;

/// <summary>
/// Exact min-cost flow for a bipartite transportation problem: rows supply units, columns take up to
/// their capacity, each arc (row, column) carries at most one unit and earns an integer profit. A unit
/// may also stay unplaced at a penalty larger than any gain in profit, so the result places as many
/// units as possible and, among those placements, earns the most profit (lexicographic, exactly).
///
/// Method: successive shortest paths, one unit at a time (the Hungarian method generalised to
/// capacities). Each path is found by Dijkstra on reduced costs c(u,v) + π(u) − π(v) ≥ 0 that stops as
/// soon as the sink is settled, then π moves by min(d, D) so every residual arc keeps a non-negative
/// reduced cost. When all units are placed, no residual cycle has negative cost: the flow is optimal,
/// and the potentials are an optimal dual the caller can check against arcs it left out.
/// Costs are integers (profits are hundredths), so there is no rounding anywhere.
/// Hot methods skip tiered compilation: a cohort run is rare and would otherwise run unoptimised code.
/// </summary>
internal sealed class Transportation
{
    private readonly int _rows;
    private readonly int[] _supply;
    private readonly int[] _capacity;
    private readonly int[] _arcStart;
    private readonly int[] _arcCol;
    private readonly int[] _arcRow;
    private readonly int[] _arcProfit;
    private readonly bool[] _flow;
    private readonly int[] _slotStart;
    private readonly int[] _load;
    private readonly int[] _slots;
    private readonly int[] _unplaced;
    private readonly long[] _potential;
    private readonly int _sink;

    // Dijkstra scratch space, reused: stamps avoid clearing arrays between searches.
    private readonly long[] _dist;
    private readonly int[] _pred;
    private readonly int[] _seen;
    private readonly int[] _settled;
    private readonly int[] _settledList;
    private readonly MinHeap _heap = new();
    private int _stamp;

    /// <param name="supply">Units per row.</param>
    /// <param name="capacity">Capacity per column.</param>
    /// <param name="arcStart">Row r's arcs are arcStart[r] .. arcStart[r+1]-1.</param>
    /// <param name="arcCol">Column of each arc (no two arcs of a row to the same column).</param>
    /// <param name="arcProfit">Profit of each arc, 0..<paramref name="maxProfit"/>.</param>
    /// <param name="maxProfit">An upper bound of every profit, the arcs left out by the caller included.</param>
    public Transportation(int[] supply, int[] capacity, int[] arcStart, int[] arcCol, int[] arcProfit, int maxProfit)
    {
        _rows = supply.Length;
        var cols = capacity.Length;
        _supply = supply;
        _capacity = capacity;
        _arcStart = arcStart;
        _arcCol = arcCol;
        _arcProfit = arcProfit;
        _arcRow = new int[arcCol.Length];
        for (var r = 0; r < _rows; r++)
        {
            _arcRow.AsSpan(arcStart[r], arcStart[r + 1] - arcStart[r]).Fill(r);
        }

        _flow = new bool[arcCol.Length];
        long units = supply.Sum(s => (long)s);
        _slotStart = new int[cols + 1];
        for (var c = 0; c < cols; c++)
        {
            _slotStart[c + 1] = _slotStart[c] + (int)Math.Min(capacity[c], units);
        }

        _load = new int[cols];
        _slots = new int[_slotStart[cols]];
        _unplaced = new int[_rows];

        // Leaving a unit unplaced must cost more than any profit the placement of one more unit could
        // give up: a path that places one more unit removes at most (placed) arcs, each worth ≤ maxProfit.
        var places = Math.Min(units, capacity.Sum(c => (long)c));
        Penalty = (maxProfit * places) + 1;

        // Initial potentials make every reduced cost ≥ 0 for any arc with profit ≤ maxProfit, the arcs
        // left out included (so the caller's check starts from a dual that is feasible for them too).
        _sink = _rows + cols;
        _potential = new long[_sink + 1];
        _potential.AsSpan(_rows).Fill(-maxProfit);

        _dist = new long[_sink + 1];
        _pred = new int[_sink + 1];
        _seen = new int[_sink + 1];
        _settled = new int[_sink + 1];
        _settledList = new int[_sink + 1];
    }

    /// <summary>Cost of one unplaced unit.</summary>
    public long Penalty { get; }

    /// <summary>Dijkstra searches run (one per unit).</summary>
    public int Searches { get; private set; }

    public bool Flows(int arc) => _flow[arc];

    public int Unplaced(int row) => _unplaced[row];

    public long RowPotential(int row) => _potential[row];

    public long ColPotential(int col) => _potential[_rows + col];

    /// <summary>Places every unit of every row, rows in index order.</summary>
    public void Solve()
    {
        for (var r = 0; r < _rows; r++)
        {
            for (var unit = 0; unit < _supply[r]; unit++)
            {
                PlaceOneUnit(r);
            }
        }
    }

    /// <summary>Reduced cost of a row → column arc of profit p under the final potentials (≥ 0 for every unused arc at the optimum).</summary>
    public long ReducedCost(int row, int col, int profit) => -profit + _potential[row] - _potential[_rows + col];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void PlaceOneUnit(int source)
    {
        Searches++;
        var stamp = ++_stamp;
        var settledCount = 0;
        var best = long.MaxValue;
        var end = -1;
        _heap.Clear();
        _dist[source] = 0;
        _seen[source] = stamp;
        _pred[source] = -1;
        _heap.Push(0, source);
        var sinkPotential = _potential[_sink];
        while (_heap.TryPop(out var d, out var u))
        {
            if (_settled[u] == stamp || d > _dist[u])
            {
                continue;
            }

            if (d >= best)
            {
                break;
            }

            _settled[u] = stamp;
            _settledList[settledCount++] = u;
            var pu = _potential[u];
            if (u < _rows)
            {
                // Leave this row's unit unplaced.
                var toSink = d + Penalty + pu - sinkPotential;
                if (toSink < best)
                {
                    best = toSink;
                    end = u;
                }

                for (var a = _arcStart[u]; a < _arcStart[u + 1]; a++)
                {
                    if (!_flow[a])
                    {
                        Relax(_rows + _arcCol[a], d - _arcProfit[a] + pu, a, stamp);
                    }
                }
            }
            else
            {
                var c = u - _rows;
                if (_load[c] < _capacity[c])
                {
                    var toSink = d + pu - sinkPotential;
                    if (toSink < best)
                    {
                        best = toSink;
                        end = u;
                    }
                }

                // Take back the unit of a row placed here, so that it goes elsewhere.
                for (var s = _slotStart[c]; s < _slotStart[c] + _load[c]; s++)
                {
                    var a = _slots[s];
                    Relax(_arcRow[a], d + _arcProfit[a] + pu, a, stamp);
                }
            }
        }

        for (var k = 0; k < settledCount; k++)
        {
            var v = _settledList[k];
            _potential[v] += _dist[v] - best;
        }

        Augment(source, end);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Relax(int v, long distanceBeforePotential, int arc, int stamp)
    {
        if (_settled[v] == stamp)
        {
            return;
        }

        var nd = distanceBeforePotential - _potential[v];
        if (_seen[v] != stamp || nd < _dist[v])
        {
            _seen[v] = stamp;
            _dist[v] = nd;
            _pred[v] = arc;
            _heap.Push(nd, v);
        }
    }

    private void Augment(int source, int end)
    {
        var current = end;
        if (current >= _rows)
        {
            var c = current - _rows;
            var arc = _pred[current];
            _slots[_slotStart[c] + _load[c]++] = arc;
            _flow[arc] = true;
            current = _arcRow[arc];
        }
        else
        {
            _unplaced[current]++;
        }

        while (current != source)
        {
            // This row's unit leaves column c and the row before it on the path takes its place there.
            var leaving = _pred[current];
            var c = _arcCol[leaving];
            var entering = _pred[_rows + c];
            _flow[leaving] = false;
            _flow[entering] = true;
            var s = _slotStart[c];
            while (_slots[s] != leaving)
            {
                s++;
            }

            _slots[s] = entering;
            current = _arcRow[entering];
        }
    }

    /// <summary>A binary min-heap of (distance, node) with lazy deletion.</summary>
    private sealed class MinHeap
    {
        private long[] _keys = new long[256];
        private int[] _nodes = new int[256];
        private int _count;

        public void Clear() => _count = 0;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Push(long key, int node)
        {
            if (_count == _keys.Length)
            {
                Array.Resize(ref _keys, _count * 2);
                Array.Resize(ref _nodes, _count * 2);
            }

            var i = _count++;
            while (i > 0)
            {
                var parent = (i - 1) >> 1;
                if (_keys[parent] <= key)
                {
                    break;
                }

                _keys[i] = _keys[parent];
                _nodes[i] = _nodes[parent];
                i = parent;
            }

            _keys[i] = key;
            _nodes[i] = node;
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public bool TryPop(out long key, out int node)
        {
            if (_count == 0)
            {
                key = 0;
                node = -1;
                return false;
            }

            key = _keys[0];
            node = _nodes[0];
            var lastKey = _keys[--_count];
            var lastNode = _nodes[_count];
            var i = 0;
            while (true)
            {
                var child = (2 * i) + 1;
                if (child >= _count)
                {
                    break;
                }

                if (child + 1 < _count && _keys[child + 1] < _keys[child])
                {
                    child++;
                }

                if (_keys[child] >= lastKey)
                {
                    break;
                }

                _keys[i] = _keys[child];
                _nodes[i] = _nodes[child];
                i = child;
            }

            _keys[i] = lastKey;
            _nodes[i] = lastNode;
            return true;
        }
    }
}
