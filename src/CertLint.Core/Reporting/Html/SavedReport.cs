using System.Text.Json;
using CertLint.Discovery;
using CertLint.Engine;

namespace CertLint.Reporting.Html;

/// <summary>`certlint report --from report.json --html out.html`: the HTML page of a JSON report saved earlier.</summary>
public static class SavedReport
{
    /// <summary>A JSON report of 10,000 certificates is about 15 MB; anything past this is not one of ours.</summary>
    public const long MaxJsonBytes = 256L * 1024 * 1024;

    public static void WriteHtml(string jsonPath, string htmlPath, string workingDirectory)
    {
        var source = Path.GetFullPath(jsonPath, workingDirectory);
        JsonDocument doc;
        try
        {
            // A FIFO or device could block or never end: only regular files (after symlinks) of a bounded size are read.
            var type = FileTypeProbe.GetEntryType(source);
            if (type == EntryType.Symlink)
                type = new FileInfo(source).ResolveLinkTarget(returnFinalTarget: true) is { } target ? FileTypeProbe.GetEntryType(target.FullName) : EntryType.Missing;
            if (type == EntryType.Missing) throw new UserErrorException($"{jsonPath}: no such file.");
            if (type != EntryType.Regular) throw new UserErrorException($"{jsonPath}: not a regular file.");
            var info = new FileInfo(source);
            if (info.Length > MaxJsonBytes) throw new UserErrorException($"{jsonPath}: larger than {MaxJsonBytes / (1024 * 1024)} MB; not a CertLint JSON report.");
            using var stream = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            doc = JsonDocument.Parse(new BoundedStream(stream, MaxJsonBytes), new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserErrorException($"{jsonPath}: cannot read: {e.GetType().Name}");
        }
        catch (JsonException e)
        {
            // The position, never the content: the file may be anything a pull request put there.
            throw new UserErrorException($"{jsonPath}:{(e.LineNumber ?? 0) + 1}:{(e.BytePositionInLine ?? 0) + 1}: not valid JSON.");
        }
        using (doc)
        {
            using var html = new MemoryStream();
            try
            {
                HtmlReport.Write(doc.RootElement, html);
            }
            catch (FormatException e)
            {
                throw new UserErrorException($"{jsonPath}: {e.Message}.");
            }
            ReportWriter.WriteBytes(htmlPath, html.ToArray(), workingDirectory);
        }
    }

    /// <summary>Stops reading at the cap even if the file grows while it is read.</summary>
    private sealed class BoundedStream(Stream inner, long cap) : Stream
    {
        private long _read;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_read >= cap) throw new IOException("report exceeds the size cap");
            var n = inner.Read(buffer, offset, (int)Math.Min(count, cap - _read));
            _read += n;
            return n;
        }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
