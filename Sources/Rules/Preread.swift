import SheetModel
import ZipXML

/// The first files of a batch, read and parsed ahead on a thread that would otherwise wait: the
/// CLI fills it while the registry (5 000 rows, about 60 ms on one core) is read on the other.
/// The validator then takes those files' bytes and workbooks from here instead of reading them.
/// Only reading is done ahead; every check still runs in the validator, in the usual order.
public struct Preread: Sendable {
    struct Item: Sendable {
        let bytes: FileBytes
        let workbook: Result<WorkbookData, any Error>
    }
    private var items: [String: Item] = [:]
    public init() {}

    public var count: Int { items.count }

    /// Reads `files` in order until `done()` (asked before each file) is true, or `byteLimit`
    /// bytes of files are held (8 MB: several hundred submissions, more than the registry's time
    /// allows, and their cells a few times that). Only files read whole are read ahead: big
    /// workbooks, and files the validator sets aside unread (lock, hidden and empty files), are
    /// left to it, as is a file listed twice. `load` must be the validator's own.
    public static func read(_ files: [String], load: (String, FileBytes?) throws -> WorkbookData,
                            byteLimit: Int = 8 << 20, until done: () -> Bool) -> Preread {
        var out = Preread(), held = 0
        for file in files {
            guard !done(), held < byteLimit else { break }
            guard out.items[file] == nil, Validator.nameSkipReason(file) == nil,
                  let bytes = FileBytes(path: file), bytes.count > 0 else { continue }
            held += bytes.count
            out.items[file] = Item(bytes: bytes, workbook: Result { try load(file, bytes) })
        }
        return out
    }

    func item(_ file: String) -> Item? { items[file] }
}
