//! Unit tests of the segmenter: one per rule, each with a negative case.

use super::*;

fn split(text: &str) -> Vec<&str> {
    let seg = Segmenter::new(&Lexicon::default());
    seg.split(text, 0..text.len())
        .into_iter()
        .map(|r| &text[r])
        .collect()
}

#[test]
fn plain_sentence_ends() {
    assert_eq!(
        split("Hello World. My name is Jonas."),
        ["Hello World.", "My name is Jonas."]
    );
    assert_eq!(
        split("What is it? It is! Yes."),
        ["What is it?", "It is!", "Yes."]
    );
    assert_eq!(split("Hello!! Who? Fine."), ["Hello!!", "Who?", "Fine."]);
}

#[test]
fn titles_never_end_a_sentence_before_a_name() {
    assert_eq!(
        split("The bill was blocked by Sen. Ron Wyden (D-Ore.) this week. It passed."),
        [
            "The bill was blocked by Sen. Ron Wyden (D-Ore.) this week.",
            "It passed."
        ]
    );
    assert_eq!(
        split("Gov. Jane Doe and Dr. Roe met Mr. Smith."),
        ["Gov. Jane Doe and Dr. Roe met Mr. Smith."]
    );
    // Negative: a title-like word that is not in the list ends normally.
    assert_eq!(
        split("He met the Senator. He left."),
        ["He met the Senator.", "He left."]
    );
}

#[test]
fn letter_dot_abbreviations_end_only_before_sentence_starters() {
    assert_eq!(
        split("He served in the U.S. Army for years."),
        ["He served in the U.S. Army for years."]
    );
    assert_eq!(
        split("She lives in the U.S. He does not."),
        ["She lives in the U.S.", "He does not."]
    );
    assert_eq!(
        split("The U.N. Security Council met."),
        ["The U.N. Security Council met."]
    );
    assert_eq!(
        split("U.S. companies cannot export."),
        ["U.S. companies cannot export."]
    );
}

#[test]
fn states_in_party_labels_and_places() {
    assert_eq!(
        split("Rep. Jane Doe (D-Calif.) said no."),
        ["Rep. Jane Doe (D-Calif.) said no."]
    );
    assert_eq!(
        split("He spoke in Portland, Ore. The crowd cheered."),
        ["He spoke in Portland, Ore.", "The crowd cheered."]
    );
    assert_eq!(
        split("He spoke in Salem, Ore. on Monday."),
        ["He spoke in Salem, Ore. on Monday."]
    );
}

#[test]
fn times_end_unless_a_time_word_follows() {
    assert_eq!(
        split("Polls close at 8 p.m. Thursday in Ohio."),
        ["Polls close at 8 p.m. Thursday in Ohio."]
    );
    assert_eq!(
        split("It airs at 9 p.m. Eastern on Fox."),
        ["It airs at 9 p.m. Eastern on Fox."]
    );
    assert_eq!(
        split("He left at 6 p.m. Travelers stayed."),
        ["He left at 6 p.m.", "Travelers stayed."]
    );
    assert_eq!(
        split("At 5 a.m. Mr. Smith went out. He left at 6 P.M. Mr. Smith then slept."),
        [
            "At 5 a.m. Mr. Smith went out.",
            "He left at 6 P.M.",
            "Mr. Smith then slept."
        ]
    );
}

#[test]
fn companies_and_months() {
    assert_eq!(
        split("Acme Inc. said it grew. Co. It closed."),
        ["Acme Inc. said it grew.", "Co.", "It closed."]
    );
    assert_eq!(
        split("They met Pitt, Briggs & Co. It closed."),
        ["They met Pitt, Briggs & Co.", "It closed."]
    );
    assert_eq!(
        split("The vote is on Jan. 5 in Iowa."),
        ["The vote is on Jan. 5 in Iowa."]
    );
    assert_eq!(
        split("Nexstar Media Inc. All rights reserved."),
        ["Nexstar Media Inc.", "All rights reserved."]
    );
}

#[test]
fn initials_versus_the_pronoun_i() {
    assert_eq!(
        split("J. Edgar Hoover ran the FBI."),
        ["J. Edgar Hoover ran the FBI."]
    );
    assert_eq!(
        split("It was John F. Kennedy."),
        ["It was John F. Kennedy."]
    );
    assert_eq!(
        split("We make a team, you and I. Did you see Albert I. Jones?"),
        ["We make a team, you and I.", "Did you see Albert I. Jones?"]
    );
    assert_eq!(split("Q. What is his name?"), ["Q. What is his name?"]);
}

#[test]
fn quotes_and_parentheses() {
    assert_eq!(split("“We will,” he said."), ["“We will,” he said."]);
    assert_eq!(split("\"We will.\" He left."), ["\"We will.\"", "He left."]);
    assert_eq!(
        split("\"This is great.\" she said."),
        ["\"This is great.\" she said."]
    );
    assert_eq!(
        split("He said (it was late.) and left."),
        ["He said (it was late.) and left."]
    );
    assert_eq!(
        split("He left. (He was tired.)"),
        ["He left.", "(He was tired.)"]
    );
}

#[test]
fn numbers_and_money() {
    assert_eq!(
        split("It grew 3.5 percent. No. 4 fell."),
        ["It grew 3.5 percent.", "No. 4 fell."]
    );
    assert_eq!(
        split("She has $100.00. It is hers."),
        ["She has $100.00.", "It is hers."]
    );
    assert_eq!(split("Turn to p. 55 now."), ["Turn to p. 55 now."]);
}

#[test]
fn lists_split_before_each_marker() {
    assert_eq!(
        split("1. The first item 2. The second item"),
        ["1. The first item", "2. The second item"]
    );
    assert_eq!(
        split("1) One 2) Two 3) Three"),
        ["1) One", "2) Two", "3) Three"]
    );
    assert_eq!(
        split("a. The first b. The second"),
        ["a. The first", "b. The second"]
    );
    assert_eq!(
        split("• 9. First • 10. Second"),
        ["• 9. First", "• 10. Second"]
    );
    assert_eq!(
        split("Finally, this. 1. The first"),
        ["Finally, this.", "1. The first"]
    );
    // Negative: a number in running text is no marker.
    assert_eq!(
        split("He ranked 2. in 1999 it fell."),
        ["He ranked 2. in 1999 it fell."]
    );
}

#[test]
fn ellipses() {
    assert_eq!(
        split("I never meant that.... She left."),
        ["I never meant that....", "She left."]
    );
    assert_eq!(
        split("He talks slowly... And this is next."),
        ["He talks slowly...", "And this is next."]
    );
    assert_eq!(split("He talks… And then."), ["He talks…", "And then."]);
    assert_eq!(
        split("I mean...see . . . I did not."),
        ["I mean...see . . . I did not."]
    );
    assert_eq!(
        split("It ended. . . . The rest was lost."),
        ["It ended.", ". . . The rest was lost."]
    );
    assert_eq!(
        split("\"Bohr [...] used it.\""),
        ["\"Bohr [...] used it.\""]
    );
}

#[test]
fn glued_sentences_and_addresses() {
    assert_eq!(
        split("Hello world.Today is Tuesday."),
        ["Hello world.", "Today is Tuesday."]
    );
    assert_eq!(
        split("It was in 2017.At least five died."),
        ["It was in 2017.", "At least five died."]
    );
    assert_eq!(split("He said.\"We go.\""), ["He said.", "\"We go.\""]);
    assert_eq!(
        split("Mail Jane.Doe@example.com. Then go."),
        ["Mail Jane.Doe@example.com.", "Then go."]
    );
    assert_eq!(
        split("See www.testurl.Awesome.com now."),
        ["See www.testurl.Awesome.com now."]
    );
    assert_eq!(
        split("I visited the U.S.A. last year."),
        ["I visited the U.S.A. last year."]
    );
}

#[test]
fn lost_paragraph_break_at_a_word_seam() {
    assert_eq!(
        split("Matanov's involvementAn FBI agent said so."),
        ["Matanov's involvement", "An FBI agent said so."]
    );
    // Negative: camel-case names stay whole.
    assert_eq!(
        split("He works at LinkedIn and McDonald's."),
        ["He works at LinkedIn and McDonald's."]
    );
    assert_eq!(
        split("PragmaticCompanyA Inc. agreed."),
        ["PragmaticCompanyA Inc. agreed."]
    );
}

#[test]
fn user_abbreviations_extend_the_list() {
    let mut lex = Lexicon::default();
    lex.add(ListKind::Abbreviations, "Insp\ttitle");
    let seg = Segmenter::new(&lex);
    let text = "Insp. Morse arrived. He spoke.";
    let got: Vec<&str> = seg
        .split(text, 0..text.len())
        .into_iter()
        .map(|r| &text[r])
        .collect();
    assert_eq!(got, ["Insp. Morse arrived.", "He spoke."]);
}

#[test]
fn long_line_without_punctuation_is_cut_at_spaces_into_bounded_pieces() {
    let text = "word ".repeat(200_000);
    let seg = Segmenter::new(&Lexicon::default());
    let pieces = seg.split(&text, 0..text.len());
    assert!(pieces.len() >= text.len() / super::MAX_SENTENCE);
    for (a, b) in pieces.iter().zip(pieces.iter().skip(1)) {
        assert!(a.end < b.start, "ordered, not overlapping");
    }
    for r in &pieces {
        assert!(r.len() <= super::MAX_SENTENCE);
        assert!(text[r.clone()].starts_with("word") && text[r.clone()].ends_with("word"));
    }
    let words: usize = pieces
        .iter()
        .map(|r| text[r.clone()].split(' ').count())
        .sum();
    assert_eq!(words, 200_000, "no word lost or cut");
    // a run of ellipsis dots is not a string of sentences, only cut to the same bound
    let dots = ". ".repeat(100_000);
    let pieces = split(&dots);
    assert!(pieces.len() <= dots.len() / super::MAX_SENTENCE + 1);
    assert!(pieces.iter().all(|p| p.len() <= super::MAX_SENTENCE));
}

#[test]
fn real_sentences_are_never_cut() {
    let sentence =
        "The committee, which met for three hours on Tuesday, voted to approve the bill.";
    assert!(sentence.len() < super::MAX_SENTENCE);
    assert_eq!(split(sentence), [sentence]);
}

#[test]
fn repeated_list_markers_stay_linear() {
    let text = "1. a ".repeat(100_000);
    let start = std::time::Instant::now();
    let n = split(&text).len();
    assert!(n >= 1);
    assert!(start.elapsed().as_secs() < 5, "marker search is not linear");
}

#[test]
fn skippable8_stops_at_the_first_byte_that_needs_a_look() {
    for lane in 0..8 {
        for v in 0..=255u8 {
            for before in [b'a', b' '] {
                let mut chunk = *b"xabcdefgh";
                chunk[0] = before;
                chunk[lane + 1] = v;
                let prev = chunk[lane];
                let upper_after_letter = v.is_ascii_uppercase() && prev.is_ascii_alphabetic();
                let interesting =
                    v >= 0x80 || matches!(v, b'.' | b'!' | b'?') || upper_after_letter;
                let want = if interesting { lane } else { 8 };
                assert_eq!(
                    rules::skippable8(&chunk, 1),
                    want,
                    "byte {v:#x} lane {lane}"
                );
            }
        }
    }
    assert_eq!(rules::skippable8(b"a.Zbcdef", 0), 1);
    assert_eq!(rules::skippable8(b"the Cat ", 0), 8);
    assert_eq!(rules::skippable8(b"theCat  ", 0), 3);
}

#[test]
fn footnote_marks_stay_with_their_sentence() {
    assert_eq!(
        split("He was a martyr.[1] The emperor ruled."),
        ["He was a martyr.[1]", "The emperor ruled."]
    );
    assert_eq!(
        split("It is a gap.11 12 Take the cold."),
        ["It is a gap.11 12", "Take the cold."]
    );
    // Negative: decimals and versions are no footnotes.
    assert_eq!(split("It rose 3.5 percent."), ["It rose 3.5 percent."]);
}

#[test]
fn lost_break_after_capitals() {
    assert_eq!(
        split("It weighs 10.5MBAmong the measures is a ban."),
        ["It weighs 10.5MB", "Among the measures is a ban."]
    );
    // Negative: an acronym glued to a name is left alone.
    assert_eq!(
        split("The FBIDirector Comey spoke."),
        ["The FBIDirector Comey spoke."]
    );
}

#[test]
fn glued_quotes_open_or_close_by_parity() {
    assert_eq!(
        split("She said, \"I am a Muslim.\"The parents fled."),
        ["She said, \"I am a Muslim.\"", "The parents fled."]
    );
    assert_eq!(
        split("He watched the cleric.\"He used to listen,\" he said."),
        ["He watched the cleric.", "\"He used to listen,\" he said."]
    );
}

#[test]
fn question_in_quotes_then_named_speaker_is_one_sentence() {
    assert_eq!(
        split("\"Big deal, right?\" Trump said. He left."),
        ["\"Big deal, right?\" Trump said.", "He left."]
    );
    assert_eq!(
        split("\"Why now?\" asked Sen. Ron Wyden."),
        ["\"Why now?\" asked Sen. Ron Wyden."]
    );
    // Negative: a new sentence after the question.
    assert_eq!(
        split("\"Big deal, right?\" Trump left the room."),
        ["\"Big deal, right?\"", "Trump left the room."]
    );
}

#[test]
fn numbers_and_brands_can_open_a_sentence() {
    assert_eq!(
        split("Twelve abstained. 2016 was worse."),
        ["Twelve abstained.", "2016 was worse."]
    );
    assert_eq!(
        split("Sales rose. iPhone demand fell."),
        ["Sales rose.", "iPhone demand fell."]
    );
    // Negative: abbreviations and short tokens before numbers.
    assert_eq!(
        split("It is at N°. 1026.253.553 now."),
        ["It is at N°. 1026.253.553 now."]
    );
    assert_eq!(
        split("See Fig. 3 and p. 55 here."),
        ["See Fig. 3 and p. 55 here."]
    );
}
