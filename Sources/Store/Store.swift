// The SQLite store (issue 6).
import GRDB
enum StoreNamespace {}
