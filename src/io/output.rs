//! Writing files without ever leaving one half-written: a temporary file in
//! the same directory, flushed to disk, then renamed over the target. On any
//! failure (a full disk, a read-only directory) the target keeps its old
//! content, or stays absent, and the temporary file is removed.
//!
//! A file that is replaced keeps its permission bits (a desk's 0660 stays
//! 0660), and a symbolic link is followed: its target is rewritten and the
//! link stays a link.

use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

pub fn atomic_write(path: &Path, bytes: &[u8]) -> io::Result<()> {
    atomic_write_with(path, bytes, |f| Box::new(f))
}

/// `atomic_write` with the temporary file seen through `wrap`: tests put a
/// writer there that fails part-way, as a full disk does, since a real full
/// disk cannot be had everywhere the tests run.
pub fn atomic_write_with(
    path: &Path,
    bytes: &[u8],
    wrap: impl for<'f> FnOnce(&'f mut File) -> Box<dyn Write + 'f>,
) -> io::Result<()> {
    let path = &resolve_links(path);
    let tmp = temp_path(path);
    let result = (|| {
        let mut f = File::options().write(true).create_new(true).open(&tmp)?;
        keep_mode(path, &f)?;
        {
            let mut w = wrap(&mut f);
            w.write_all(bytes)?;
            w.flush()?;
        }
        f.sync_all()?;
        drop(f);
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.map_err(explain)
}

/// A file written as a stream (JSONL output) with the same promise as
/// `atomic_write`: the target appears, complete, only on `commit`; dropped
/// without it (an error, a panic), the temporary file is removed and the
/// target keeps its old content. A target that exists and is not a regular
/// file (a terminal, a pipe, /dev/full) is written directly: there is
/// nothing to rename over it, and doing so would replace the device.
pub struct AtomicFile {
    file: File,
    /// (temporary, target) while uncommitted; None when writing directly.
    rename: Option<(PathBuf, PathBuf)>,
}

impl AtomicFile {
    pub fn create(path: &Path) -> io::Result<AtomicFile> {
        let path = &resolve_links(path);
        let special = std::fs::metadata(path).is_ok_and(|m| !m.is_file());
        if special {
            let file = File::options().write(true).open(path).map_err(explain)?;
            return Ok(AtomicFile { file, rename: None });
        }
        let tmp = temp_path(path);
        let file = File::options()
            .write(true)
            .create_new(true)
            .open(&tmp)
            .map_err(explain)?;
        if let Err(e) = keep_mode(path, &file) {
            let _ = std::fs::remove_file(&tmp);
            return Err(explain(e));
        }
        Ok(AtomicFile {
            file,
            rename: Some((tmp, path.to_path_buf())),
        })
    }

    /// Flush to disk and put the file in place.
    pub fn commit(mut self) -> io::Result<()> {
        self.file.flush().map_err(explain)?;
        let Some((tmp, target)) = self.rename.take() else {
            return Ok(());
        };
        let done = self
            .file
            .sync_all()
            .and_then(|()| std::fs::rename(&tmp, &target));
        if done.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        done.map_err(explain)
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.file.write(buf).map_err(explain)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.file.flush().map_err(explain)
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        if let Some((tmp, _)) = self.rename.take() {
            let _ = std::fs::remove_file(tmp);
        }
    }
}

/// The file a path finally names: a symbolic link (or a chain of them) is
/// followed, even to a target that does not exist yet, so that the rename
/// replaces the target and not the link. A loop is left to fail on open.
fn resolve_links(path: &Path) -> PathBuf {
    let mut p = path.to_path_buf();
    for _ in 0..40 {
        let is_link = std::fs::symlink_metadata(&p).is_ok_and(|m| m.file_type().is_symlink());
        let Some(target) = is_link.then(|| std::fs::read_link(&p).ok()).flatten() else {
            break;
        };
        // A relative target is relative to the link's directory.
        p = match p.parent() {
            Some(dir) => dir.join(target),
            None => target,
        };
    }
    p
}

/// Give the temporary file the permission bits of the file it replaces.
fn keep_mode(target: &Path, tmp: &File) -> io::Result<()> {
    match std::fs::metadata(target) {
        Ok(m) if m.is_file() => tmp.set_permissions(m.permissions()),
        _ => Ok(()),
    }
}

/// A temporary name beside `path`, unique within this process too: two
/// threads writing the same target must not share one temporary file.
fn temp_path(path: &Path) -> PathBuf {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "out".into());
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    dir.join(format!(".{name}.tmp-{}-{n}", std::process::id()))
}

/// The error with what to do about it: the bare OS message says what went
/// wrong but not that the old file is intact or how to go on.
pub fn explain(e: io::Error) -> io::Error {
    let advice = match e.kind() {
        io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => {
            "the disk is full; free some space and run again (the previous file, if any, is unchanged)"
        }
        io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem => {
            "the output directory is not writable; choose another --out or fix its permissions"
        }
        io::ErrorKind::NotADirectory | io::ErrorKind::NotFound => {
            "the output directory does not exist or is not a directory; check --out"
        }
        _ => return e,
    };
    io::Error::new(e.kind(), format!("{e}; {advice}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(unix)]
    use std::os::unix::fs::FileTypeExt;

    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("isnad-out-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    /// A disk that fills up after `room` bytes.
    struct FullDisk<'f> {
        inner: &'f mut File,
        room: usize,
    }

    impl Write for FullDisk<'_> {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            if self.room == 0 {
                return Err(io::Error::from(io::ErrorKind::StorageFull));
            }
            let n = buf.len().min(self.room);
            self.room -= n;
            self.inner.write(&buf[..n])
        }
        fn flush(&mut self) -> io::Result<()> {
            self.inner.flush()
        }
    }

    #[test]
    fn replaces_the_file_and_leaves_no_temporary() {
        let dir = temp_dir("replace");
        let p = dir.join("a.yaml");
        atomic_write(&p, "قديم".as_bytes()).unwrap();
        atomic_write(&p, "جديد".as_bytes()).unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "جديد");
        assert_eq!(names(&dir), ["a.yaml"]);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_full_disk_keeps_the_old_file_and_leaves_no_temporary() {
        let dir = temp_dir("full");
        let p = dir.join("a.yaml");
        std::fs::write(&p, "old: true\n").unwrap();
        let new = "format: isnad/annotation/1\n".repeat(1000);
        let e = atomic_write_with(&p, new.as_bytes(), |f| {
            Box::new(FullDisk {
                inner: f,
                room: 4096,
            })
        })
        .unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::StorageFull);
        assert!(e.to_string().contains("free some space"), "{e}");
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "old: true\n");
        assert_eq!(names(&dir), ["a.yaml"]);

        // With no old file, none appears.
        let q = dir.join("b.yaml");
        atomic_write_with(&q, new.as_bytes(), |f| {
            Box::new(FullDisk { inner: f, room: 0 })
        })
        .unwrap_err();
        assert!(!q.exists());
        assert_eq!(names(&dir), ["a.yaml"]);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_streamed_file_appears_only_on_commit() {
        let dir = temp_dir("stream");
        let p = dir.join("a.jsonl");
        std::fs::write(&p, "old\n").unwrap();
        let mut f = AtomicFile::create(&p).unwrap();
        writeln!(f, "new").unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "old\n");
        drop(f);
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "old\n");
        assert_eq!(names(&dir), ["a.jsonl"]);
        let mut f = AtomicFile::create(&p).unwrap();
        writeln!(f, "new").unwrap();
        f.commit().unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "new\n");
        assert_eq!(names(&dir), ["a.jsonl"]);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_device_is_written_directly() {
        let mut f = AtomicFile::create(Path::new("/dev/null")).unwrap();
        writeln!(f, "x").unwrap();
        f.commit().unwrap();
        assert!(
            std::fs::metadata("/dev/null")
                .unwrap()
                .file_type()
                .is_char_device()
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_replaced_file_keeps_its_mode() {
        use std::os::unix::fs::PermissionsExt;
        let dir = temp_dir("mode");
        let p = dir.join("a.yaml");
        std::fs::write(&p, "old\n").unwrap();
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o660)).unwrap();
        atomic_write(&p, b"new\n").unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&p), 0o660);
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o640)).unwrap();
        let mut f = AtomicFile::create(&p).unwrap();
        writeln!(f, "streamed").unwrap();
        f.commit().unwrap();
        assert_eq!(mode(&p), 0o640);
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "streamed\n");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn a_symbolic_link_is_followed_and_stays_a_link() {
        let dir = temp_dir("link");
        std::fs::create_dir_all(dir.join("real")).unwrap();
        let target = dir.join("real/a.yaml");
        std::fs::write(&target, "old\n").unwrap();
        // A relative link, through a second link.
        let link = dir.join("a.yaml");
        std::os::unix::fs::symlink("real/a.yaml", &link).unwrap();
        let link2 = dir.join("b.yaml");
        std::os::unix::fs::symlink("a.yaml", &link2).unwrap();
        atomic_write(&link2, b"new\n").unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new\n");
        for l in [&link, &link2] {
            assert!(
                std::fs::symlink_metadata(l)
                    .unwrap()
                    .file_type()
                    .is_symlink()
            );
        }
        assert_eq!(names(&dir.join("real")), ["a.yaml"]);
        // A dangling link: its target is created.
        let dangling = dir.join("c.yaml");
        std::os::unix::fs::symlink("real/c.yaml", &dangling).unwrap();
        atomic_write(&dangling, b"made\n").unwrap();
        assert_eq!(
            std::fs::read_to_string(dir.join("real/c.yaml")).unwrap(),
            "made\n"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_missing_directory_is_explained() {
        let dir = temp_dir("missing");
        let e = atomic_write(&dir.join("no/such/a.yaml"), b"x").unwrap_err();
        assert!(e.to_string().contains("check --out"), "{e}");
        assert_eq!(names(&dir), Vec::<String>::new());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
