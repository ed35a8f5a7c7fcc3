//! The plans shipped in `seed/`, embedded in the binary so it runs from any directory.
//!
//! Owns the embedded bytes and the manifest (`seed/plans.toml`); parsing the texts is
//! `plan`'s job.

use serde::Deserialize;
use thiserror::Error;

/// One embedded seed file.
#[derive(Debug, Clone, Copy)]
pub struct SeedFile {
    pub name: &'static str,
    pub bytes: &'static [u8],
}

macro_rules! seed_file {
    ($name:literal) => {
        SeedFile {
            name: $name,
            bytes: include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/seed/", $name)),
        }
    };
}

/// Every embedded plan text, in the order they are imported.
pub const SEED_FILES: &[SeedFile] = &[
    seed_file!("hunan-urbanization-14th-fyp.txt"),
    seed_file!("hunan-urbanization-action-plan-2024.txt"),
    seed_file!("zhuzhou-urbanization-14th-fyp.txt"),
    seed_file!("hunan-urbanization-14th-fyp.zh-hant.txt"),
    seed_file!("hunan-15th-fyp-outline.txt"),
];

const MANIFEST_TOML: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/seed/plans.toml"));

/// Metadata of one plan that its text does not state reliably.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct PlanMeta {
    pub key: String,
    pub short_name: String,
    /// 省 or 市
    pub level: String,
    pub region: String,
    /// First and last year of the plan period, inclusive.
    pub period: [i32; 2],
    pub files: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct Manifest {
    plan: Vec<PlanMeta>,
}

#[derive(Debug, Error)]
pub enum ManifestError {
    #[error("seed/plans.toml is malformed: {0}")]
    Toml(#[from] toml::de::Error),
    #[error("seed/plans.toml names {0}, which is not embedded")]
    MissingFile(String),
}

/// The embedded manifest, checked against the embedded files.
pub fn manifest() -> Result<Vec<PlanMeta>, ManifestError> {
    let manifest: Manifest = toml::from_str(MANIFEST_TOML)?;
    for meta in &manifest.plan {
        for file in &meta.files {
            if !SEED_FILES.iter().any(|seed| seed.name == file) {
                return Err(ManifestError::MissingFile(file.clone()));
            }
        }
    }
    Ok(manifest.plan)
}

/// The manifest entry that lists `file_name`, if any.
pub fn meta_for_file<'a>(metas: &'a [PlanMeta], file_name: &str) -> Option<&'a PlanMeta> {
    metas
        .iter()
        .find(|meta| meta.files.iter().any(|f| f == file_name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manifest_lists_every_embedded_file_once() -> Result<(), ManifestError> {
        let metas = manifest()?;
        for seed in SEED_FILES {
            let owners = metas
                .iter()
                .filter(|m| m.files.iter().any(|f| f == seed.name))
                .count();
            assert_eq!(owners, 1, "{} listed {owners} times", seed.name);
        }
        assert_eq!(metas.len(), 4);
        Ok(())
    }
}
