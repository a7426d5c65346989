import Foundation

/// Runs the built `parkstat` binary and captures what it prints.
package struct CLIResult {
    package var status: Int32
    package var stdout: String
    package var stderr: String
}

package enum CLI {
    /// The binary `swift build` (or `swift test`) made, debug preferred. First the one beside the
    /// test runner, so `swift test --sanitize=… --scratch-path .build-asan` runs its own sanitized build.
    package static var binary: String {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("parkstat").path
        if FileManager.default.isExecutableFile(atPath: beside) { return beside }
        for config in ["debug", "release"] {
            let p = Fixtures.repositoryRoot.appendingPathComponent(".build/\(config)/parkstat").path
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        return "parkstat"
    }

    /// `wrapper` goes before the binary (e.g. `/usr/bin/time -f …`).
    package static func run(_ arguments: [String], environment: [String: String]? = nil,
                            wrapper: [String] = []) throws -> CLIResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: wrapper.first ?? binary)
        process.arguments = wrapper.isEmpty ? arguments : Array(wrapper.dropFirst()) + [binary] + arguments
        process.currentDirectoryURL = Fixtures.repositoryRoot
        if let environment { process.environment = environment }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes before waiting, so a large output cannot block the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLIResult(status: process.terminationStatus,
                         stdout: String(decoding: outData, as: UTF8.self),
                         stderr: String(decoding: errData, as: UTF8.self))
    }
}
