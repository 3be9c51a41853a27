//! Reading a definition file of any kind into its type, with the JSON pointer of the value at
//! fault when it does not fit.

use crate::diagnostic::{escape_token, Diagnostic};

/// Reads a definition file of any kind; when it does not fit the format, the problem names the
/// JSON pointer at fault.
///
/// The pointer is worked out from where the parser stopped, by walking the text up to there,
/// rather than by a tracking deserializer: that would double the code serde generates for every
/// definition type (weight the browser pays for) and slow every load for the rare file in error.
pub(crate) fn read_json<T: serde::de::DeserializeOwned>(json: &str) -> Result<T, Diagnostic> {
    serde_json::from_str(json).map_err(|err| {
        let pointer = pointer_at(json, err.line(), err.column());
        let message = if err.is_syntax() || err.is_eof() {
            format!("the file is not valid JSON: {err}")
        } else {
            strip_position(&err.to_string())
        };
        Diagnostic::error(pointer, message)
    })
}

/// The JSON pointer of the value being read at `line` and `column` (1-based, in bytes, as
/// serde_json counts them) of `json`: the keys and indexes of the containers open there.
pub(crate) fn pointer_at(json: &str, line: usize, column: usize) -> String {
    let line_start = if line <= 1 {
        0
    } else {
        json.match_indices('\n').nth(line - 2).map_or(json.len(), |(i, _)| i + 1)
    };
    let end = (line_start + column).min(json.len());
    // The containers open at `end`: an object with the key being read (none between a comma
    // and the next key), or an array with the index being read.
    enum Open {
        Object(Option<String>),
        Array(usize),
    }
    let mut open: Vec<Open> = Vec::new();
    let bytes = json.as_bytes();
    let mut i = 0;
    while i < end {
        let Some(&b) = bytes.get(i) else { break };
        match b {
            b'{' => open.push(Open::Object(None)),
            b'[' => open.push(Open::Array(0)),
            b'}' | b']' => {
                open.pop();
            }
            b',' => match open.last_mut() {
                Some(Open::Array(n)) => *n += 1,
                Some(Open::Object(key)) => *key = None,
                None => {}
            },
            b'"' => {
                let start = i + 1;
                i = start;
                while let Some(&b) = bytes.get(i).filter(|&&b| b != b'"') {
                    i += if b == b'\\' { 2 } else { 1 };
                }
                if let Some(Open::Object(key @ None)) = open.last_mut() {
                    let raw = json.get(start..i.min(json.len())).unwrap_or("");
                    *key = Some(
                        serde_json::from_str::<String>(&format!("\"{raw}\""))
                            .unwrap_or_else(|_| raw.to_string()),
                    );
                }
            }
            _ => {}
        }
        i += 1;
    }
    let mut pointer = String::new();
    for frame in &open {
        match frame {
            // An object that has no key yet: the error is about the object itself.
            Open::Object(None) => break,
            Open::Object(Some(key)) => {
                pointer.push('/');
                pointer.push_str(&escape_token(key));
            }
            Open::Array(n) => pointer.push_str(&format!("/{n}")),
        }
    }
    pointer
}

/// serde appends " at line L column C"; the pointer already says where, and more usefully.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}
