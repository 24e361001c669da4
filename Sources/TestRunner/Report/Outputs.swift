import Foundation

// Writes every output of a run (or a merge) into one folder, each file atomically.
public enum Outputs {
    public static func write(_ summary: Summary, to dir: String) throws -> [String] {
        var written: [String] = []
        func put(_ name: String, _ data: Data) throws {
            try AtomicFile.write(data, to: dir + "/" + name); written.append(dir + "/" + name)
        }
        for arch in summary.architectures {
            try put("junit-\(arch).xml", Data(JUnitWriter.xml(for: arch, summary: summary).utf8))
        }
        let matrix = Matrix(summary: summary)
        try put("matrix.json", try ResultsFile.encode(matrix))
        try put("matrix.md", Data(matrix.markdown().utf8))
        try put("matrix.html", Data(matrix.html().utf8))
        // Last: summary.json is what merge and gate read, so it appears only once the rest is there.
        try put("summary.json", try ResultsFile.encode(summary))
        return written
    }
}
