//! Reading articles: `.txt` files, directories of them, standard input, and JSON Lines.
//!
//! Inputs are streamed: each article is handed to a sink as soon as it is read, so memory
//! does not grow with the number of articles. A bad input becomes an [`Item`] whose body is
//! the error, so the caller reports it in order and goes on with the next.

use newsfacts::Error;
use std::io::{self, BufRead, Read};
use std::path::{Path, PathBuf};

/// One input article, or why it could not be read.
pub struct Item {
    /// The article id: file stem, JSONL `id`, or `"stdin"`.
    pub id: String,
    /// Where it came from, for messages ("news/a.txt", "batch.jsonl:12").
    pub origin: String,
    /// The text, or the message saying why there is none (it names the input).
    pub body: Result<String, String>,
    /// Input bytes this item consumed (for the progress bar).
    pub bytes: u64,
}

/// Something noted about the input that is not an article (a skipped file).
pub enum Event {
    /// An article or a failed input.
    Item(Item),
    /// A file that was passed over, with the reason.
    Skipped { origin: String, reason: String },
}

/// Where articles come from and how to read them.
pub struct Inputs<'a> {
    /// Paths from the command line; empty or `-` is standard input.
    pub paths: &'a [PathBuf],
    /// Inputs are JSON Lines of `{"id", "text"}`.
    pub jsonl: bool,
}

/// The sink every event goes to; an error from it (stdout closed) stops the reading.
pub type Sink<'s> = dyn FnMut(Event) -> io::Result<()> + 's;

impl Inputs<'_> {
    /// Total size in bytes of the inputs when all of them are regular files (for a
    /// progress bar with an end); `None` for standard input or directories.
    pub fn total_bytes(&self) -> Option<u64> {
        if self.paths.is_empty() {
            return None;
        }
        let mut total = 0;
        for p in self.paths {
            if p.as_os_str() == "-" {
                return None;
            }
            let meta = std::fs::metadata(p).ok()?;
            if !meta.is_file() {
                return None;
            }
            total += meta.len();
        }
        Some(total)
    }

    /// Feed every article to `sink`, in input order.
    pub fn read(&self, sink: &mut Sink) -> io::Result<()> {
        if self.paths.is_empty() {
            return self.read_stdin(sink);
        }
        for path in self.paths {
            if path.as_os_str() == "-" {
                self.read_stdin(sink)?;
            } else if path.is_dir() {
                self.read_dir(path, sink)?;
            } else {
                self.read_file(path, sink)?;
            }
        }
        Ok(())
    }

    fn read_stdin(&self, sink: &mut Sink) -> io::Result<()> {
        if self.jsonl {
            return read_jsonl(io::stdin().lock(), "stdin", sink);
        }
        let mut bytes = Vec::new();
        let body = match io::stdin().lock().read_to_end(&mut bytes) {
            Ok(_) => decode(bytes, "stdin"),
            Err(e) => Err(Error::io(&e).with_input("stdin").to_string()),
        };
        sink(Event::Item(Item {
            id: "stdin".into(),
            origin: "stdin".into(),
            bytes: body.as_ref().map_or(0, |t| t.len() as u64),
            body,
        }))
    }

    fn read_file(&self, path: &Path, sink: &mut Sink) -> io::Result<()> {
        let name = path.display().to_string();
        if self.jsonl {
            return match std::fs::File::open(path) {
                Ok(f) => read_jsonl(io::BufReader::with_capacity(1 << 16, f), &name, sink),
                Err(e) => sink(Event::Item(Item {
                    id: name.clone(),
                    origin: name.clone(),
                    body: Err(Error::io(&e).with_input(name).to_string()),
                    bytes: 0,
                })),
            };
        }
        let id = path
            .file_stem()
            .map_or_else(|| name.clone(), |s| s.to_string_lossy().into_owned());
        let (body, bytes) = match std::fs::read(path) {
            Ok(bytes) => {
                let n = bytes.len() as u64;
                (decode(bytes, &name), n)
            }
            Err(e) => (Err(Error::io(&e).with_input(name.clone()).to_string()), 0),
        };
        sink(Event::Item(Item {
            id,
            origin: name,
            body,
            bytes,
        }))
    }

    /// The article files of a directory tree, depth first, each directory's entries sorted
    /// by name so the order is stable. Symlinked directories are not followed (no cycles);
    /// hidden entries are passed over silently, other files without the wanted extension
    /// are reported as skipped.
    fn read_dir(&self, dir: &Path, sink: &mut Sink) -> io::Result<()> {
        let wanted = if self.jsonl { "jsonl" } else { "txt" };
        let name = dir.display().to_string();
        let entries = match std::fs::read_dir(dir) {
            Ok(rd) => rd.collect::<Result<Vec<_>, _>>(),
            Err(e) => Err(e),
        };
        let mut entries = match entries {
            Ok(e) => e,
            Err(e) => {
                return sink(Event::Item(Item {
                    id: name.clone(),
                    origin: name.clone(),
                    body: Err(Error::io(&e).with_input(name).to_string()),
                    bytes: 0,
                }))
            }
        };
        entries.sort_by_key(|e| e.file_name());
        let mut found = false;
        for entry in entries {
            let path = entry.path();
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            if kind.is_dir() {
                self.read_dir(&path, sink)?;
                found = true;
            } else if path.extension().is_some_and(|e| e == wanted) {
                if kind.is_symlink() && path.is_dir() {
                    continue;
                }
                self.read_file(&path, sink)?;
                found = true;
            } else if !kind.is_symlink() || path.is_file() {
                sink(Event::Skipped {
                    origin: path.display().to_string(),
                    reason: format!("not a .{wanted} file"),
                })?;
            }
        }
        if !found {
            sink(Event::Skipped {
                origin: name,
                reason: format!("no .{wanted} files in this directory"),
            })?;
        }
        Ok(())
    }
}

/// UTF-8 text of a file that is meant to hold an article; binary content (a NUL byte) is
/// refused as well as invalid UTF-8.
fn decode(bytes: Vec<u8>, name: &str) -> Result<String, String> {
    let text = String::from_utf8(bytes).map_err(|e| {
        Error::invalid_utf8(&e.utf8_error())
            .with_input(name)
            .to_string()
    })?;
    if let Some(at) = text.bytes().position(|b| b == 0) {
        return Err(format!(
            "{name}: binary, not text (NUL byte at offset {at})"
        ));
    }
    Ok(text)
}

/// One line of a JSON Lines batch.
#[derive(serde::Deserialize)]
struct JsonArticle {
    #[serde(default)]
    id: Option<serde_json::Value>,
    text: String,
}

/// Largest line buffer kept between lines.
const LINE_BUFFER_KEEP: usize = 1 << 24;

/// Read `{"id", "text"}` lines; a bad line becomes a failed item naming its line number,
/// the others go on. A line without an id is named `NAME:LINE`.
pub fn read_jsonl(mut reader: impl BufRead, name: &str, sink: &mut Sink) -> io::Result<()> {
    let mut buf = Vec::new();
    let mut line_no = 0usize;
    loop {
        buf.clear();
        if buf.capacity() > LINE_BUFFER_KEEP {
            // One huge line must not pin its memory for the rest of the run.
            buf = Vec::new();
        }
        let n = reader.read_until(b'\n', &mut buf)?;
        if n == 0 {
            return Ok(());
        }
        line_no += 1;
        let mut line = buf.as_slice();
        if line_no == 1 {
            line = line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line);
        }
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let origin = format!("{name}:{line_no}");
        let item = match serde_json::from_slice::<JsonArticle>(line) {
            Ok(a) => Item {
                id: match a.id {
                    Some(serde_json::Value::String(s)) => s,
                    Some(v) if !v.is_null() => v.to_string(),
                    _ => origin.clone(),
                },
                origin,
                body: Ok(a.text),
                bytes: n as u64,
            },
            Err(e) => Item {
                id: origin.clone(),
                origin,
                body: Err(Error::bad_json_line(line_no, e.to_string())
                    .with_input(name)
                    .to_string()),
                bytes: n as u64,
            },
        };
        sink(Event::Item(item))?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn collect_jsonl(input: &str) -> Vec<(String, Result<String, String>)> {
        let mut out = Vec::new();
        read_jsonl(input.as_bytes(), "in.jsonl", &mut |ev| {
            if let Event::Item(it) = ev {
                out.push((it.id, it.body));
            }
            Ok(())
        })
        .unwrap();
        out
    }

    #[test]
    fn jsonl_bad_lines_name_their_line_and_the_rest_go_on() {
        let got = collect_jsonl("{\"id\":\"a\",\"text\":\"A.\"}\n\nnot json\n{\"text\":\"B.\"}\n");
        assert_eq!(got.len(), 3);
        assert_eq!(got[0], ("a".into(), Ok("A.".into())));
        assert_eq!(got[1].0, "in.jsonl:3");
        assert!(got[1].1.as_ref().unwrap_err().contains("line 3"));
        assert_eq!(got[2], ("in.jsonl:4".into(), Ok("B.".into())));
    }

    #[test]
    fn jsonl_numeric_ids_and_bom_are_accepted() {
        let got = collect_jsonl("\u{feff}{\"id\":7,\"text\":\"x\"}");
        assert_eq!(got, vec![("7".into(), Ok("x".into()))]);
    }

    #[test]
    fn binary_files_are_refused_but_text_is_kept() {
        assert!(decode(b"abc\0def".to_vec(), "f").is_err());
        assert!(decode(vec![0xff], "f").is_err());
        assert_eq!(decode(b"ok".to_vec(), "f").unwrap(), "ok");
    }
}
