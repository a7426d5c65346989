import SheetModel
import Synchronization
import ZipXML

/// The first files of a batch, read and parsed ahead on a thread that would otherwise wait: the
/// CLI fills it while the registry (5 000 rows, about 60 ms on one core) is read on the other.
/// The validator then takes those files' bytes and workbooks from here instead of reading them.
/// Only reading is done ahead; every check still runs in the validator, in the usual order.
public final class Preread: Sendable {
    struct Item: Sendable {
        let bytes: FileBytes
        let workbook: Result<WorkbookData, any Error>
    }
    /// Taken out as the workers reach them, so that their memory goes back to the allocator for the
    /// files after them rather than stay held (and the pages touched anew) until the end.
    private let items: Mutex<[String: Item]>

    public convenience init() { self.init([:]) }

    private init(_ items: [String: Item]) {
        self.items = Mutex(items)
    }

    /// Files read ahead and not taken yet.
    public var count: Int { items.withLock { $0.count } }

    /// Reads `files` in order until `done()` (asked before each file) is true, or `byteLimit`
    /// bytes of files are held (8 MB: several hundred submissions, more than the registry's time
    /// allows, and their cells a few times that). Only files read whole are read ahead: big
    /// workbooks, and files the validator sets aside unread (lock, hidden and empty files), are
    /// left to it, as is a file listed twice. `load` must be the validator's own.
    public static func read(_ files: [String], load: (String, FileBytes?) throws -> WorkbookData,
                            byteLimit: Int = 8 << 20, until done: () -> Bool) -> Preread {
        var out: [String: Item] = [:], held = 0
        for file in files {
            guard !done(), held < byteLimit else { break }
            guard out[file] == nil, Validator.nameSkipReason(file) == nil,
                  let bytes = FileBytes(path: file), bytes.count > 0 else { continue }
            held += bytes.count
            out[file] = Item(bytes: bytes, workbook: Result { try load(file, bytes) })
        }
        return Preread(out)
    }

    /// The file's item, removed: each is used once.
    func take(_ file: String) -> Item? {
        items.withLock { $0.isEmpty ? nil : $0.removeValue(forKey: file) }
    }
}
