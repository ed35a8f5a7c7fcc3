//! The stable-Rust companion of the fuzz targets (`fuzz/fuzz_targets/read_*.rs`): damaged
//! copies of real renditions — bytes flipped, cut short, spliced — are read or refused, never
//! a panic. Deterministic (a fixed xorshift), so a failure reproduces.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use plantrack::plan;
use std::path::Path;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn mutate(rng: &mut Rng, original: &[u8]) -> Vec<u8> {
    let mut bytes = original.to_vec();
    match rng.below(4) {
        0 => {
            for _ in 0..1 + rng.below(8) {
                let at = rng.below(bytes.len());
                bytes[at] ^= 1 << rng.below(8);
            }
        }
        1 => bytes.truncate(rng.below(bytes.len())),
        2 => {
            let at = rng.below(bytes.len());
            let len = rng.below(64).min(bytes.len() - at);
            let chunk = bytes[at..at + len].to_vec();
            let to = rng.below(bytes.len());
            bytes.splice(to..to, chunk);
        }
        _ => {
            let at = rng.below(bytes.len());
            let end = (at + rng.below(256)).min(bytes.len());
            bytes.drain(at..end);
        }
    }
    bytes
}

#[test]
fn damaged_renditions_never_panic() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/formats");
    for (name, rounds) in [
        ("hunan-urbanization-action-plan-2024.docx", 60),
        ("hunan-urbanization-action-plan-2024.html", 60),
        ("hunan-urbanization-action-plan-2024.pdf", 60),
        ("corpus-xian-2022-fangguanfu-fengong-table.ofd", 60),
        ("corpus-xian-2022-fangguanfu-fengong-table.pdf", 60),
    ] {
        let original = std::fs::read(dir.join(name)).unwrap();
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ original.len() as u64);
        for round in 0..rounds {
            let bytes = mutate(&mut rng, &original);
            let outcome = std::panic::catch_unwind(|| plan::parse_document(&bytes, name).is_ok());
            assert!(outcome.is_ok(), "{name}: round {round} panicked");
        }
    }
}
