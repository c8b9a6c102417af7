//! Extract every record from one article file and print a short digest of each kind.
//!
//! `cargo run --example extract_file -- fixtures/biotech-entity-list.txt`

use newsfacts::Extractor;

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "fixtures/biotech-entity-list.txt".into());
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let text = match newsfacts::decode(&bytes) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{}", e.with_input(path));
            std::process::exit(1);
        }
    };
    let article = Extractor::new().extract(text);
    if let Some(h) = &article.headline {
        println!("headline: {}", h.text);
    }
    println!(
        "{} sentences, {} furniture lines",
        article.sentences.len(),
        article.boilerplate.len()
    );
    for a in &article.agencies {
        println!("agency   {} ({} mentions)", a.name, a.mentions.len());
    }
    for o in &article.officials {
        let title = o.title.as_deref().unwrap_or("-");
        println!("official {} | {title}", o.name);
    }
    for c in &article.counts {
        println!(
            "count    {} {} | {}",
            serde_json::json!(c.value),
            c.noun,
            c.text
        );
    }
    for q in &article.quotes {
        let who = q.speaker.as_ref().map_or("?", |s| s.name.as_str());
        println!("quote    {who}: {}", q.text);
    }
    for a in &article.actions {
        let actor = a.actor.as_ref().map_or("?", |x| x.name.as_str());
        let target = a.target.as_ref().map_or("", |t| t.text.as_str());
        println!("action   {actor} -{}-> {target}", a.verb);
    }
}
