namespace CertLint.Inventory.Paths;

/// <summary>
/// The valid_policy_tree of RFC 5280 §6.1: built level by level as the path is processed (§6.1.3 (d)–(e)), mapped
/// (§6.1.4 (b)) and intersected with the user's policies at the end (§6.1.5 (g)). Null (no tree) once a certificate
/// has no policies. Size and time are capped per path: crafted policy mappings can otherwise grow the tree
/// exponentially (OpenSSL's CVE-2023-0464), and a long policy list matched against a wide level above costs their
/// product without adding a node. Past either cap the tree is null and <see cref="TooLarge"/> fails the path.
/// </summary>
internal sealed class PolicyTree
{
    public const string AnyPolicy = "2.5.29.32.0";
    public const int MaxNodes = 10_000;
    /// <summary>Nodes and policies looked at per path, the same order as the name-constraint comparisons.</summary>
    public const int MaxSteps = 250_000;

    private sealed class Node(string validPolicy, HashSet<string> expected, Node? parent)
    {
        public string ValidPolicy { get; } = validPolicy;
        public HashSet<string> Expected { get; set; } = expected;
        public Node? Parent { get; } = parent;
        public int Depth { get; } = parent is null ? 0 : parent.Depth + 1;
        public List<Node> Children { get; } = [];
    }

    private readonly List<List<Node>> _levels;
    private int _nodes = 1;
    private long _steps;

    public PolicyTree()
    {
        _levels = [[new Node(AnyPolicy, [AnyPolicy], null)]];
    }

    public bool IsNull { get; private set; }

    /// <summary>Set when the size or step cap was hit: the path fails with this reason.</summary>
    public bool TooLarge { get; private set; }

    private int Depth => _levels.Count - 1;

    /// <summary>§6.1.3 (d)–(e) for the certificate at the next depth.</summary>
    /// <param name="policies">Its certificatePolicies OIDs, or null when it has none.</param>
    /// <param name="anyPolicyAllowed">inhibit_anyPolicy &gt; 0, or a self-issued intermediate.</param>
    public void Process(IReadOnlyList<string>? policies, bool anyPolicyAllowed)
    {
        if (IsNull) return;
        if (policies is null)
        {
            IsNull = true;
            return;
        }
        var parents = _levels[^1];
        var level = new List<Node>();
        _levels.Add(level);
        if (!Spend(policies.Count)) return;
        foreach (var p in policies.Distinct(StringComparer.Ordinal))
        {
            if (p == AnyPolicy) continue;
            if (!Spend(2L * parents.Count)) return;
            var matched = false;
            foreach (var parent in parents.Where(n => n.Expected.Contains(p)))
            {
                AddChild(parent, p, [p]);
                matched = true;
            }
            if (!matched)
            {
                foreach (var parent in parents.Where(n => n.ValidPolicy == AnyPolicy)) AddChild(parent, p, [p]);
            }
        }
        if (anyPolicyAllowed && policies.Contains(AnyPolicy))
        {
            foreach (var parent in parents)
            {
                if (!Spend(parent.Expected.Count * (1L + parent.Children.Count))) return;
                foreach (var value in parent.Expected.Order(StringComparer.Ordinal).ToList())
                {
                    if (!parent.Children.Any(c => c.ValidPolicy == value)) AddChild(parent, value, [value]);
                }
            }
        }
        Prune(Depth - 1);
    }

    /// <summary>§6.1.4 (b): apply a certificate's policyMappings to the nodes at the current depth.</summary>
    public void Map(IReadOnlyList<(string IssuerDomain, string SubjectDomain)> mappings, bool mappingAllowed)
    {
        if (IsNull) return;
        var level = _levels[^1];
        if (!Spend(mappings.Count)) return;
        foreach (var group in mappings.GroupBy(m => m.IssuerDomain, StringComparer.Ordinal))
        {
            if (IsNull || !Spend(level.Count)) return;
            var subjects = group.Select(m => m.SubjectDomain).ToHashSet(StringComparer.Ordinal);
            if (mappingAllowed)
            {
                var nodes = level.Where(n => n.ValidPolicy == group.Key).ToList();
                foreach (var node in nodes) node.Expected = subjects;
                if (nodes.Count == 0 && level.FirstOrDefault(n => n.ValidPolicy == AnyPolicy) is { Parent: { } anyParent })
                {
                    AddChild(anyParent, group.Key, subjects);
                }
            }
            else
            {
                foreach (var node in level.Where(n => n.ValidPolicy == group.Key).ToList()) Remove(node);
                Prune(Depth - 1);
            }
        }
    }

    /// <summary>§6.1.5 (g): the intersection with the user-initial-policy-set. Returns false when it is empty.</summary>
    public bool Intersect(IReadOnlyCollection<string> userPolicies)
    {
        if (IsNull) return false;
        if (userPolicies.Contains(AnyPolicy)) return true;
        if (!Spend(_nodes + userPolicies.Count)) return false;
        var validNodeSet = _levels.SelectMany(l => l).Where(n => n.Parent?.ValidPolicy == AnyPolicy).ToList();
        foreach (var node in validNodeSet)
        {
            if (IsNull) return false;
            if (node.ValidPolicy != AnyPolicy && !userPolicies.Contains(node.ValidPolicy)) Remove(node);
        }
        var leafAny = _levels[^1].FirstOrDefault(n => n.ValidPolicy == AnyPolicy);
        if (leafAny is { Parent: { } parent })
        {
            var present = validNodeSet.Select(n => n.ValidPolicy).ToHashSet(StringComparer.Ordinal);
            foreach (var p in userPolicies.Where(p => !present.Contains(p))) AddChild(parent, p, [p]);
            Remove(leafAny);
        }
        Prune(Depth - 1);
        return !IsNull && _levels[^1].Count > 0;
    }

    /// <summary>Policies valid at the end of the path (for messages).</summary>
    public IEnumerable<string> AuthorityPolicies => IsNull ? [] : _levels[^1].Select(n => n.ValidPolicy).Distinct().Order(StringComparer.Ordinal);

    /// <summary>Counts work; past <see cref="MaxSteps"/> the tree is null and too large. False once it is null.</summary>
    private bool Spend(long steps)
    {
        if (IsNull) return false;
        _steps += steps;
        if (_steps <= MaxSteps) return true;
        GiveUp();
        return false;
    }

    private void GiveUp()
    {
        TooLarge = true;
        IsNull = true;
    }

    private void AddChild(Node parent, string policy, HashSet<string> expected)
    {
        if (IsNull) return;
        if (++_nodes > MaxNodes)
        {
            GiveUp();
            return;
        }
        var child = new Node(policy, expected, parent);
        parent.Children.Add(child);
        _levels[child.Depth].Add(child);
    }

    private void Remove(Node node)
    {
        if (TooLarge) return;   // the path has failed: the callers' loops run out without further work
        node.Parent?.Children.Remove(node);
        var stack = new Stack<Node>([node]);
        while (stack.Count > 0)
        {
            var n = stack.Pop();
            Spend(_levels[n.Depth].Count + n.Children.Count);
            _levels[n.Depth].Remove(n);
            foreach (var c in n.Children) stack.Push(c);
        }
    }

    /// <summary>Deletes childless nodes from <paramref name="fromDepth"/> up to the root; no root means no tree.</summary>
    private void Prune(int fromDepth)
    {
        for (var d = fromDepth; d >= 0 && !TooLarge; d--)
        {
            Spend(_levels[d].Count);
            foreach (var node in _levels[d].Where(n => n.Children.Count == 0).ToList()) Remove(node);
        }
        if (_levels[0].Count == 0) IsNull = true;
    }
}
