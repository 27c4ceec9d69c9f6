namespace Committee.History;

/// <summary>Which elements of the old sequence are deleted and which of the new one inserted; the others are common, in order.</summary>
public sealed record EditScript(bool[] Deleted, bool[] Inserted)
{
    /// <summary>The number of elements deleted and inserted (Myers' D): the fewer, the closer the sequences.</summary>
    public int Edits { get; } = Deleted.Count(d => d) + Inserted.Count(i => i);
}

/// <summary>
/// The shortest edit script between two sequences, by Myers' O(ND) algorithm in linear space ("An O(ND) Difference
/// Algorithm and Its Variations", 1986, section 4b): find the middle snake of an optimal path searching from both
/// ends, then solve the two halves on either side of it. Time O((N+M)·D), memory O(N+M). The search gives up once
/// more than <c>maxEdits</c> edits are needed, so that unrelated sequences cost O((N+M)·maxEdits) at most.
/// </summary>
public static class MyersDiff
{
    /// <returns>The edit script with the fewest edits, or null when it needs more than <paramref name="maxEdits"/>.</returns>
    public static EditScript? Compare(int[] from, int[] to, int maxEdits)
    {
        // Furthest-reaching x per diagonal, forward and backward; the search never goes past half of maxEdits each way.
        var reach = Math.Min((from.Length + to.Length + 1) / 2, maxEdits / 2 + 1) + 2;
        var search = new Search(from, to, new int[2 * reach + 1], new int[2 * reach + 1], maxEdits);
        return search.Solve(0, from.Length, 0, to.Length) ? new EditScript(search.Deleted, search.Inserted) : null;
    }

    private sealed class Search(int[] a, int[] b, int[] forward, int[] backward, int maxEdits)
    {
        public bool[] Deleted { get; } = new bool[a.Length];
        public bool[] Inserted { get; } = new bool[b.Length];

        /// <summary>Marks the edits between a[aStart..aEnd) and b[bStart..bEnd); false when there are too many.</summary>
        public bool Solve(int aStart, int aEnd, int bStart, int bEnd)
        {
            while (aStart < aEnd && bStart < bEnd && a[aStart] == b[bStart]) { aStart++; bStart++; }
            while (aStart < aEnd && bStart < bEnd && a[aEnd - 1] == b[bEnd - 1]) { aEnd--; bEnd--; }
            if (aStart == aEnd || bStart == bEnd)
            {
                // With the common ends taken off, one side empty means the other is all edits.
                if (aEnd - aStart + bEnd - bStart > maxEdits) return false;
                Deleted.AsSpan(aStart, aEnd - aStart).Fill(true);
                Inserted.AsSpan(bStart, bEnd - bStart).Fill(true);
                return true;
            }
            // Both sides non-empty with distinct ends: at least two edits, so each half below has fewer and the recursion ends.
            if (MiddleSnake(aStart, aEnd, bStart, bEnd) is not var (x, y, u, v)) return false;
            return Solve(aStart, x, bStart, y) && Solve(u, aEnd, v, bEnd);
        }

        /// <summary>The snake (x, y) → (u, v) in the middle of an optimal path, or null past maxEdits.</summary>
        private (int X, int Y, int U, int V)? MiddleSnake(int aStart, int aEnd, int bStart, int bEnd)
        {
            int n = aEnd - aStart, m = bEnd - bStart, delta = n - m;
            var odd = (delta & 1) != 0;
            var offset = forward.Length / 2;
            // forward[offset + k]: furthest x (from aStart) on diagonal k = x - y; backward[offset + k]: furthest x
            // counted from aEnd on the reversed diagonal k, which is diagonal delta - k forward.
            forward[offset + 1] = 0;
            backward[offset + 1] = 0;
            for (var d = 0; d <= (n + m + 1) / 2; d++)
            {
                if (2 * d - 1 > maxEdits) return null;
                for (var k = -d; k <= d; k += 2)
                {
                    var x = k == -d || (k != d && forward[offset + k - 1] < forward[offset + k + 1])
                        ? forward[offset + k + 1] : forward[offset + k - 1] + 1;
                    var y = x - k;
                    int x0 = x, y0 = y;
                    while (x < n && y < m && a[aStart + x] == b[bStart + y]) { x++; y++; }
                    forward[offset + k] = x;
                    var reversed = delta - k;
                    if (odd && reversed >= -(d - 1) && reversed <= d - 1 && x >= n - backward[offset + reversed])
                        return (aStart + x0, bStart + y0, aStart + x, bStart + y);
                }
                if (2 * d > maxEdits) return null;
                for (var k = -d; k <= d; k += 2)
                {
                    var x = k == -d || (k != d && backward[offset + k - 1] < backward[offset + k + 1])
                        ? backward[offset + k + 1] : backward[offset + k - 1] + 1;
                    var y = x - k;
                    int x0 = x, y0 = y;
                    while (x < n && y < m && a[aEnd - 1 - x] == b[bEnd - 1 - y]) { x++; y++; }
                    backward[offset + k] = x;
                    var ahead = delta - k;
                    if (!odd && ahead >= -d && ahead <= d && forward[offset + ahead] >= n - x)
                        return (aEnd - x, bEnd - y, aEnd - x0, bEnd - y0);
                }
            }
            throw new InvalidOperationException("the forward and backward searches always meet by (N + M) / 2");
        }
    }
}
