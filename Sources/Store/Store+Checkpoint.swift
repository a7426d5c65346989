import GRDBSQLite

extension Store {
    /// Copies the WAL into the database file on a connection of its own while this one goes on
    /// reading (aggregating, reporting): closing the store then has nothing left to copy or sync.
    /// Best effort: a failure leaves the work to the checkpoint SQLite runs when the store closes.
    public func checkpointAside() {
        var handle: OpaquePointer?
        defer { sqlite3_close(handle) }
        guard sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE, nil) == SQLITE_OK else { return }
        sqlite3_busy_timeout(handle, 10_000)
        _ = sqlite3_exec(handle, "PRAGMA wal_checkpoint(PASSIVE)", nil, nil, nil)
    }
}
