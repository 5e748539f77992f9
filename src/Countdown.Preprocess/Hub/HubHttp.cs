using System.Net;
using System.Net.Http.Headers;
using System.Reflection;

namespace Countdown.Preprocess.Hub;

/// <summary>
/// HTTP to the Hub as huggingface_hub speaks it: redirects followed by hand so the token goes only to the Hub's own
/// origin (never to the storage host a download is redirected to), identity encoding so sizes are exact, and timeouts.
/// </summary>
internal sealed class HubHttp : IDisposable
{
    public const int MaxRedirects = 5;

    /// <summary>The largest API answer (the revision JSON) read; a real one is a few kilobytes even for thousands of files.</summary>
    public const int MaxApiBodyBytes = 8 << 20;

    private static readonly ProductInfoHeaderValue UserAgent = new("countdown-preprocess",
        typeof(HubHttp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0");

    private readonly HttpClient client;
    private readonly string? token;

    public HubHttp(Uri endpoint, string? token, TimeSpan timeout, long minimumRate = 0)
    {
        Endpoint = endpoint;
        Timeout = timeout;
        MinimumRate = minimumRate;
        this.token = token;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            ConnectTimeout = timeout,
        };
        client = new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
    }

    /// <summary>The Hub base address.</summary>
    public Uri Endpoint { get; }

    /// <summary>The wait allowed for headers, and between two reads of a body.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>The slowest download accepted, in bytes per second averaged over <see cref="Timeout"/>; 0 accepts any.</summary>
    public long MinimumRate { get; }

    /// <summary>Whether a token is configured.</summary>
    public bool HasToken => token is not null;

    /// <summary>Sends a request, following redirects: relative ones always, absolute ones only when <paramref name="followAbsolute"/>.</summary>
    /// <remarks>A HEAD on a file stops at the absolute redirect to storage, whose headers carry the file's size and checksum.</remarks>
    public async Task<HubResponse> SendAsync(HttpMethod method, Uri url, bool followAbsolute, CancellationToken cancellationToken)
    {
        var current = url;
        var mayAuthorize = token is not null && SameOrigin(url, Endpoint);
        for (var redirects = 0; ; redirects++)
        {
            using var request = new HttpRequestMessage(method, current);
            request.Headers.UserAgent.Add(UserAgent);
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("identity"));
            if (mayAuthorize) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var response = await SendOnceAsync(request, cancellationToken);
            var fromHub = SameOrigin(current, Endpoint);
            if (!IsRedirect(response.StatusCode) || RawLocation(response) is not { } location) return new HubResponse(response, fromHub);
            var relative = !HasScheme(location) && !location.StartsWith("//", StringComparison.Ordinal);
            if (!relative && !followAbsolute) return new HubResponse(response, fromHub);
            response.Dispose();
            if (redirects == MaxRedirects) throw HubErrors.TooManyRedirects(url, MaxRedirects);
            if (!Uri.TryCreate(current, location, out var next) || next.Scheme is not ("http" or "https"))
                throw HubErrors.BadRedirect(current, location);
            // Once a request leaves the Hub's origin, the token stays behind for the rest of the chain.
            mayAuthorize = mayAuthorize && SameOrigin(next, current);
            current = next;
        }
    }

    /// <summary>Reads a small body (the revision JSON) within the timeout.</summary>
    public async Task<byte[]> ReadSmallBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        var url = response.RequestMessage!.RequestUri!;
        try
        {
            if (response.Content.Headers.ContentLength is > MaxApiBodyBytes)
                throw HubErrors.BodyTooLarge(url, MaxApiBodyBytes);
            await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
            var buffer = new MemoryStream();
            var chunk = new byte[1 << 16];
            int read;
            while ((read = await body.ReadAsync(chunk, timeout.Token)) > 0)
            {
                if (buffer.Length + read > MaxApiBodyBytes) throw HubErrors.BodyTooLarge(url, MaxApiBodyBytes);
                buffer.Write(chunk, 0, read);
            }
            return buffer.ToArray();
        }
        catch (OperationCanceledException error) when (!cancellationToken.IsCancellationRequested)
        {
            throw HubErrors.TimedOut(url, Timeout, error);
        }
        catch (Exception error) when (error is HttpRequestException or IOException)
        {
            throw HubErrors.Unreachable(url, error);
        }
    }

    public void Dispose() => client.Dispose();

    private async Task<HttpResponseMessage> SendOnceAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        }
        catch (OperationCanceledException error) when (!cancellationToken.IsCancellationRequested)
        {
            throw HubErrors.TimedOut(request.RequestUri!, Timeout, error);
        }
        catch (HttpRequestException error)
        {
            throw HubErrors.Unreachable(request.RequestUri!, error);
        }
    }

    private static bool IsRedirect(HttpStatusCode status)
        => status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
            or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    // The header as sent: HttpClient's parsed Location can read '/path' as a file URI on Unix.
    private static string? RawLocation(HttpResponseMessage response)
        => response.Headers.NonValidated.TryGetValues("Location", out var values) && values.FirstOrDefault() is { Length: > 0 } value ? value.Trim() : null;

    private static bool HasScheme(string location)
    {
        var colon = location.IndexOf(':');
        return colon > 0 && location[..colon].All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.') && char.IsAsciiLetter(location[0]);
    }

    private static bool SameOrigin(Uri a, Uri b)
        => string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
           && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase)
           && a.Port == b.Port;
}
