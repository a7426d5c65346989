import Foundation

/// The one walk of a folder that `validate`, `ingest`, `run` and `inspect` share; each keeps its own
/// rule for which files count.
public enum FolderWalk {
    /// Every non-folder under `dir` (recursively, links followed, sorted by sub-path) whose
    /// sub-path parts `keep` accepts; `keep` runs before the file is looked at on disk.
    public static func files(in dir: String, keep: ([Substring]) -> Bool) -> [String] {
        let fm = FileManager.default
        // With the trailing slash a symlinked folder lists its contents, not only itself.
        let root = dir.hasSuffix("/") ? dir : dir + "/"
        return ((try? fm.subpathsOfDirectory(atPath: root)) ?? []).sorted().compactMap { sub in
            // Sub-paths are relative, "/"-separated, without empty parts: split their bytes rather
            // than bridge each to NSString (that cost more than listing the folder).
            let parts = sub.utf8.split(separator: UInt8(ascii: "/")).map(Substring.init)
            guard keep(parts) else { return nil }
            let full = (dir as NSString).appendingPathComponent(sub)
            var isDir: ObjCBool = false   // follows links: a link to a file is a file
            guard fm.fileExists(atPath: full, isDirectory: &isDir), !isDir.boolValue else { return nil }
            return full
        }
    }
}

extension Validator {
    /// Submissions under a folder: the registry, notes and hidden folders left out. Hidden and
    /// lock files stay, so that the report can say they were skipped.
    public static func files(in dir: String) -> [String] {
        FolderWalk.files(in: dir) { parts in
            let name = parts.last ?? ""
            if name == "企业名录.xlsx" || name == "EXPECTED.tsv" || name.hasSuffix(".md") { return false }
            return !parts.dropLast().contains { $0.hasPrefix(".") }
        }
    }
}
