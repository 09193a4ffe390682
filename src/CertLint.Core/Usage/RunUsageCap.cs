using CertLint.Model;
using CertLint.Parsing;

namespace CertLint.Usage;

/// <summary>
/// The TLS usages one run judges, at most <see cref="MaxUsages"/> across every configuration. Each configuration is
/// bounded (<see cref="UsageList.MaxUsages"/>), but 5,000 configuration files (ConfigDiscovery.MaxFiles) of 5,000 usages
/// each would be 25 million usages to keep and judge. Past the cap a file's later usages (by line) and every later
/// file's are dropped as they are read, so memory stays bounded, and counted: one parse issue at the first usage not
/// judged says how many, so the run is never silently green on what it did not look at.
/// </summary>
internal sealed class RunUsageCap
{
    public const int MaxUsages = 25_000;

    private int _kept;

    /// <summary>Trims <paramref name="result"/>'s usages to what the run may still judge: how many were dropped, and the first.</summary>
    public (int Dropped, SourceLocation? First) Take(ConfigReadResult result)
    {
        var usages = result.Usages;
        var room = MaxUsages - _kept;
        if (usages.Count <= room)
        {
            _kept += usages.Count;
            return (0, null);
        }
        var byLine = usages.OrderBy(u => u.Location.StartLine).ThenBy(u => u.Id, StringComparer.Ordinal).ToList();
        usages.Clear();
        foreach (var usage in byLine.Take(room)) usages.Add(usage);
        _kept = MaxUsages;
        return (byLine.Count - room, byLine[room].Location);
    }

    /// <summary>Gives back the room of <paramref name="usages"/> taken usages that the run drops (an included file's own reading).</summary>
    public void Refund(int usages) => _kept -= usages;

    /// <summary>The finding for <paramref name="notJudged"/> usages dropped, the first at <paramref name="at"/>.</summary>
    public static ParseIssue Issue(SourceLocation at, int notJudged) => new(ParseIssueKind.ParseError, at,
        $"more than {MaxUsages} TLS usages in the run's configurations: {notJudged} usages from this one on (by file and line) were not judged");
}
