using Compare.Core.Alignment;

namespace Compare.Core.Tests;

public sealed class ClaimSetsTests
{
    [Fact]
    public void Joins_statements_of_sources_into_one_claim_and_lists_only_claims_of_two_sources_or_more()
    {
        // Statements 0-1 of source 0, 2-3 of source 1, 4 of source 2.
        var claims = new ClaimSets([0, 0, 1, 1, 2], 3);

        claims.Join(0, 2, (_, _) => true);
        claims.Join(4, 2, (_, _) => true);

        Assert.Equal(claims.Find(0), claims.Find(4));
        Assert.Equal([[0, 2, 4]], claims.Shared());
        Assert.Equal([1, 1, 1], claims.PerSource(4)!);
        Assert.Null(claims.PerSource(1));
    }

    [Fact]
    public void Never_joins_claims_that_would_give_one_source_more_statements_than_a_group_holds()
    {
        var claims = new ClaimSets([0, 0, 0, 0, 1], 2);
        claims.Join(4, 0, (_, _) => true);
        claims.Join(4, 1, (_, _) => true);
        claims.Join(4, 2, (_, _) => true);

        claims.Join(4, 3, (_, _) => true);

        Assert.Equal([3, 1], claims.PerSource(4)!);
        Assert.NotEqual(claims.Find(3), claims.Find(4));
    }

    [Fact]
    public void Leaves_claims_apart_that_the_caller_says_do_not_go_together()
    {
        var claims = new ClaimSets([0, 1], 2);

        claims.Join(0, 1, (_, _) => false);

        Assert.Empty(claims.Shared());
    }
}
