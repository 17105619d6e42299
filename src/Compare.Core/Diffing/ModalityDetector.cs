using Compare.Core.Analysis;

namespace Compare.Core.Diffing;

using Group = DifferenceFinder.Group;

/// <summary>Finds modality: how strongly a source presents it as bound to happen or required.</summary>
internal sealed class ModalityDetector : IDifferenceDetector
{
    /// <summary>What a side without a modal shows in its place ("A: —; B: could").</summary>
    internal const string Absent = "—";

    /// <summary>Modals that only make a future: against no modal on the other side, tense rather than modality.</summary>
    private static readonly System.Collections.Frozen.FrozenSet<string> FutureTense = Lexicon.Grammar("future-tense");

    public void Detect(Group group) => Modality(group);

    private static void Modality(Group group)
    {
        var sides = group.Items(f => f.Modals);
        if (sides[0].Length + sides[1].Length == 0)
        {
            return;
        }

        var only = new[]
        {
            sides[0].Where(m => !sides[1].Any(n => n.Item.Key == m.Item.Key)).ToList(),
            sides[1].Where(m => !sides[0].Any(n => n.Item.Key == m.Item.Key)).ToList(),
        };

        // Modals on both sides are a change of modality unless they are as strong ("are scheduled to" / "is
        // due to") or all are futures in reported clauses, which follow their reports ("acknowledged that it
        // would be litigated" / "predicted a fight that will"); a modal on one side only counts when it
        // qualifies what the other side says too ("can" in "which can be found on YouTube" qualifies nothing
        // the other side says) and is no reported future.
        if (only[0].Count > 0 && only[1].Count > 0)
        {
            if (only[0].Concat(only[1]).Select(m => Lexicon.ModalIsStrong[m.Item.Key]).Distinct().Count() == 1
                || only.Select((o, s) => o.TrueForAll(m => group.IsReportedFuture(s, m.Statement, m.Item))).All(reported => reported))
            {
                return;
            }
        }
        else
        {
            for (var s = 0; s < 2; s++)
            {
                // A modal as strong as one the other side writes is no change ("would put" / "could put").
                // A future on one side against no modal on the other is tense, not modality ("will tap $2.5 billion" /
                // "tapped $2.5 billion").
                var other = sides[1 - s];
                only[s].RemoveAll(m => !group.QualifiesShared(s, m.Statement, m.Item, once: true) || group.IsReportedFuture(s, m.Statement, m.Item)
                                       || (other.Length == 0 && FutureTense.Contains(m.Item.Key))
                                       || other.Any(n => Lexicon.ModalIsStrong[n.Item.Key] == Lexicon.ModalIsStrong[m.Item.Key]
                                                         && group.Qualified(1 - s, n.Statement, n.Item) == group.Qualified(s, m.Statement, m.Item)));
            }
        }

        if (only[0].Count == 0 && only[1].Count == 0)
        {
            return;
        }

        for (var s = 0; s < 2; s++)
        {
            foreach (var (statement, cue) in only[s])
            {
                group.Explain(s, statement, cue.Start, cue.End);
            }
        }

        var modals = only.Select(o => o.Select(m => m.Item.Text).ToArray()).ToArray();
        var texts = modals.Select(m => m.Length == 0 ? Absent : string.Join(", ", m)).ToArray();
        var strength = only.All(o => o.Count > 0) ? (Strength(only[0][0].Item), Strength(only[1][0].Item)) : ((ModalStrength, ModalStrength)?)null;
        var source = only[1].Count > 0 ? 1 : 0;
        group.Add(new Difference(
            DifferenceKind.Modality,
            source,
            texts[source],
            new ModalityDetail(modals[0], modals[1], strength),
            1 - source,
            texts[1 - source]));
    }

    private static ModalStrength Strength(Cue modal) => Lexicon.ModalIsStrong[modal.Key] ? ModalStrength.Strong : ModalStrength.Weak;
}
