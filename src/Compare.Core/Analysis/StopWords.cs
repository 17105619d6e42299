using System.Collections.Frozen;

namespace Compare.Core.Analysis;

/// <summary>Function words: they carry no topic, so they neither index nor score statements.</summary>
internal static class StopWords
{
    private static readonly FrozenSet<string> Words = (
        "a about above after again against all also am among an and any are as at be because been before being below between both but by " +
        "can could did do does doing down during each either few for from further had has have having he her here hers herself him himself his how " +
        "i if in into is it its itself just me more most my myself neither no nor not now of off on once only or other our ours ourselves out over own " +
        "same she should so some such than that the their theirs them themselves then there these they this those through to too under until up upon very " +
        "was we were what when where which while who whom whose why will with within would you your yours yourself yourselves " +
        "may might must shall ought 's s t d ll re ve m o y ain isn aren wasn weren hasn haven hadn doesn don didn won wouldn shan shouldn can't cannot " +
        "could couldn mightn mustn needn also thus hence therefore however whereas although though yet via per amid amidst onto toward towards " +
        "said says say saying told tells stated states announced added according")
        .Split(' ', StringSplitOptions.RemoveEmptyEntries)
        .ToFrozenSet(StringComparer.Ordinal);

    public static bool Contains(string word) => Words.Contains(word);
}
