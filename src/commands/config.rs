//! `plantrack config [KEY VALUE]`: the thresholds of pace and warning lights.

use super::{Ctx, safe};
use crate::cli::ConfigArgs;
use crate::report::json::write_json;
use anyhow::{Result, anyhow, bail};
use std::io::Write;

/// The keys, the largest value each accepts, and what they mean.
const KEYS: [(&str, u32, &str); 3] = [
    (
        "pace_tolerance",
        100,
        "points either side of 序时进度 that count as 达进度",
    ),
    (
        "yellow_lag",
        100,
        "points behind 序时进度 beyond which a behind item is 黄 yellow",
    ),
    (
        "due_soon_days",
        3650,
        "days ahead (today included) in which an open milestone makes an item 蓝 blue",
    ),
];

pub fn run(args: &ConfigArgs, ctx: &mut Ctx, out: &mut dyn Write) -> Result<()> {
    if let (Some(key), Some(value)) = (&args.key, &args.value) {
        let Some((key, max, _)) = KEYS.iter().find(|(k, _, _)| k == key) else {
            bail!(
                "unknown setting “{}”: use pace_tolerance, yellow_lag or due_soon_days",
                safe(key)
            );
        };
        let number: u32 = value
            .trim()
            .parse()
            .ok()
            .filter(|v| v <= max)
            .ok_or_else(|| {
                anyhow!(
                    "{key}: expected a whole number from 0 to {max}, got “{}”",
                    safe(value)
                )
            })?;
        ctx.store.set_threshold(key, number)?;
        writeln!(out, "{key} = {number}")?;
        return Ok(());
    }
    let thresholds = ctx.store.thresholds()?;
    if args.json {
        write_json(&thresholds, out)?;
        return Ok(());
    }
    let values = [
        u32::from(thresholds.pace_tolerance),
        u32::from(thresholds.yellow_lag),
        thresholds.due_soon_days,
    ];
    for ((key, _, meaning), value) in KEYS.iter().zip(values) {
        writeln!(out, "{key:<15} {value:>4}   {meaning}")?;
    }
    Ok(())
}
