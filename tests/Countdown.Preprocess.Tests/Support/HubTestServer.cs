using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Countdown.Preprocess.Tests.Support;

/// <summary>
/// A tiny HTTP/1.1 server on 127.0.0.1 (a free port) with one connection per request, enough to answer HttpClient as the
/// Hub would. It records every request; <see cref="OtherHost"/> reaches the same server under the name 'localhost',
/// which HttpClient treats as another origin (the "storage host").
/// </summary>
internal sealed class HubTestServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly Func<HubTestRequest, HubTestResponse> respond;
    private readonly ConcurrentQueue<HubTestRequest> requests = new();
    private readonly CancellationTokenSource stop = new();
    private readonly Task accepting;

    public HubTestServer(Func<HubTestRequest, HubTestResponse> respond)
    {
        this.respond = respond;
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        accepting = AcceptAsync();
    }

    public int Port { get; }

    public string Endpoint => $"http://127.0.0.1:{Port}";

    public string OtherHost => $"http://localhost:{Port}";

    public IReadOnlyList<HubTestRequest> Requests => requests.ToArray();

    public void ClearRequests() => requests.Clear();

    /// <summary>A port nothing listens on: taken from the OS, then released.</summary>
    public static int ClosedPort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        try
        {
            await accepting;
        }
        catch (OperationCanceledException)
        {
        }
        stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (Exception error) when (error is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var request = await ReadRequestAsync(stream);
                if (request is null) return;
                requests.Enqueue(request);
                await WriteResponseAsync(stream, request, respond(request));
            }
            catch (Exception error) when (error is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client went away (or we are stopping); nothing to answer.
            }
        }
    }

    private async Task<HubTestRequest?> ReadRequestAsync(NetworkStream stream)
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (head.Count < 4 || head[^4] != '\r' || head[^3] != '\n' || head[^2] != '\r' || head[^1] != '\n')
        {
            if (await stream.ReadAsync(one, stop.Token) == 0) return null;
            head.Add(one[0]);
        }
        var lines = Encoding.ASCII.GetString(head.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var requestLine = lines[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':');
            headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }
        return new HubTestRequest(requestLine[0], requestLine[1], headers);
    }

    private async Task WriteResponseAsync(NetworkStream stream, HubTestRequest request, HubTestResponse response)
    {
        var head = new StringBuilder($"HTTP/1.1 {response.Status} {response.Reason}\r\n");
        foreach (var (name, value) in response.Headers) head.Append($"{name}: {value}\r\n");
        head.Append($"Content-Length: {response.ContentLength ?? response.Body.Length}\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), stop.Token);
        if (request.Method == "HEAD") return;
        var body = response.BreakAfter is { } count ? response.Body.AsMemory(0, count) : response.Body;
        if (response.Trickle is { } pause)
        {
            for (var i = 0; i < body.Length; i++)
            {
                await stream.WriteAsync(body.Slice(i, 1), stop.Token);
                await Task.Delay(pause, stop.Token);
            }
        }
        else
        {
            await stream.WriteAsync(body, stop.Token);
        }
        await stream.FlushAsync(stop.Token);
        if (response.Stall) await Task.Delay(Timeout.Infinite, stop.Token);
    }
}
