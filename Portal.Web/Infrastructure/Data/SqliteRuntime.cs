namespace Portal.Web.Infrastructure.Data;

/// <summary>
/// Process-wide SQLite settings. By default SQLite counts every allocation under one process-wide
/// lock; with several requests reading at once that lock set the pace (two threads ran a feed query
/// slower than one; without it, twice as fast).
/// </summary>
internal static class SqliteRuntime
{
    private const int ConfigMemoryStatus = 9;

    private static int configured;

    public static void Configure()
    {
        if (Interlocked.Exchange(ref configured, 1) == 1)
        {
            return;
        }

        SQLitePCL.Batteries_V2.Init();

        // Accepted only before the first connection opens; refused later, which changes nothing else.
        _ = SQLitePCL.raw.sqlite3_config(ConfigMemoryStatus, 0);
    }
}
