using Flux.Dashboard.Chain.Horizon;

namespace Flux.Dashboard.Tests.Chain.Horizon;

public class ServerSentEventParserTests
{
    [Fact]
    public void Event_is_dispatched_by_a_blank_line_with_its_id_and_type()
    {
        var events = Feed("id: 42", "event: open", "data: \"hello\"", "");

        Assert.Equal([new ServerSentEvent("42", "open", "\"hello\"")], events);
    }

    [Fact]
    public void Data_lines_are_joined_with_line_feeds_and_lose_one_leading_space()
    {
        var events = Feed("data:first", "data:  second", "data", "");

        Assert.Equal("first\n second\n", events.Single().Data);
    }

    [Fact]
    public void Frame_without_a_closing_blank_line_is_never_dispatched()
    {
        Assert.Empty(Feed("id: 7", "data: {\"id\":\"7\",\"amou"));
    }

    [Fact]
    public void Comments_and_frames_without_data_dispatch_nothing()
    {
        Assert.Empty(Feed(": keep-alive", "", "id: 9", "event: ping", ""));
    }

    [Fact]
    public void Last_event_id_carries_over_to_events_without_an_id()
    {
        var events = Feed("id: 1", "data: a", "", "data: b", "");

        Assert.Equal(["1", "1"], events.Select(e => e.Id));
    }

    [Fact]
    public void Event_type_does_not_carry_over()
    {
        var events = Feed("event: open", "data: a", "", "data: b", "");

        Assert.Equal(["open", null], events.Select(e => e.Type));
    }

    [Theory]
    [InlineData("retry: 5000", 5000)]
    [InlineData("retry:250", 250)]
    public void Retry_sets_the_reconnect_delay(string line, int milliseconds)
    {
        var parser = new ServerSentEventParser();

        parser.Feed(line);

        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), parser.ReconnectDelay);
    }

    [Theory]
    [InlineData("retry: 5s")]
    [InlineData("retry: -1")]
    [InlineData("retry:")]
    [InlineData("retry: 99999999999999")]
    public void Retry_that_is_not_a_plain_number_is_ignored(string line)
    {
        var parser = new ServerSentEventParser();

        parser.Feed(line);

        Assert.Null(parser.ReconnectDelay);
    }

    private static List<ServerSentEvent> Feed(params string[] lines)
    {
        var parser = new ServerSentEventParser();
        return lines.Select(parser.Feed).OfType<ServerSentEvent>().ToList();
    }
}
