#!/usr/bin/env python3
"""Writes N short, varied plain-text articles in the samples' domain (ketamine and mental
health) into DIR, one .txt file each: a title line, a blank line, then 3-5 paragraphs.

Each article is built around one or two focus topics drawn from conf/topics.json's vocabulary
(depression, anxiety, PTSD, chronic pain, ...) so every per-topic feed gets articles, with
names, places, numbers and sentence order varied so no two texts are the same (the store
refuses a second copy of the same normalised text). Deterministic for a given seed.

With MIN_BYTES (and MAX_BYTES, default MIN_BYTES + 2000), each article is padded with more
paragraphs from the same vocabulary to a size drawn between them, e.g. 3000 5000 for articles
shaped like the samples (3-5 KB); without, the output is unchanged.

With START, the articles are numbered from START (file names and the closing line that keeps
each text unique), so sets written in chunks (each with its own SEED) never repeat a text.

usage: gen_articles.py DIR [N] [SEED] [MIN_BYTES [MAX_BYTES [START]]]
"""
import os
import random
import sys

CITIES = ["Portland", "Leeds", "Toronto", "Melbourne", "Austin", "Glasgow", "Denver",
          "Utrecht", "Auckland", "Cork", "Halifax", "Boulder", "Bristol", "Adelaide",
          "Minneapolis", "Dundee", "Calgary", "Wellington", "Sacramento", "Nottingham"]
FIRST = ["Maria", "James", "Aisha", "Tom", "Priya", "Daniel", "Sofia", "Kwame", "Lena",
         "Omar", "Grace", "Luis", "Hannah", "Ravi", "Chloe", "Mateo", "Ingrid", "Sam",
         "Nadia", "Ben"]
LAST = ["Okafor", "Lindqvist", "Patel", "Moreno", "Chen", "Brennan", "Haddad", "Novak",
        "Fitzgerald", "Tanaka", "Abara", "Kowalski", "Reyes", "Olsen", "Mensah", "Duarte",
        "Whitfield", "Sato", "Kaur", "Berg"]
ROLES = ["psychiatrist", "clinical psychologist", "anesthesiologist", "nurse practitioner",
         "pharmacologist", "researcher", "pain specialist", "addiction physician"]
INSTITUTIONS = ["university hospital", "community mental health centre", "teaching hospital",
                "veterans' clinic", "private infusion clinic", "research institute",
                "regional health service"]

# Per focus topic: title patterns and paragraph sentences that carry the topic's words.
TOPICS = {
    "depression": {
        "titles": ["Ketamine and Depression: What {n} Patients in {city} Taught Clinicians",
                   "Can a Single Dose Lift Depression? A {city} Clinic Reports Early Results",
                   "Rethinking Low Mood: {first} {last} on Rapid-Acting Antidepressants",
                   "Why Depression Care in {city} Is Turning to Ketamine"],
        "lines": ["Major depressive disorder affects millions of adults, and many wait weeks for a "
                  "conventional antidepressant to help.",
                  "Patients described their low mood lifting within days rather than the usual "
                  "six to eight weeks.",
                  "A depressive episode can make work, sleep and relationships feel impossible, "
                  "{first} {last} said.",
                  "The clinic tracked depression scores before each session and again a week later.",
                  "Clinicians caution that depression is a recurring illness and that relief after "
                  "one session is rarely the end of treatment."],
    },
    "treatment-resistant-depression": {
        "titles": ["When Nothing Else Worked: Treatment-Resistant Depression in {city}",
                   "Hope for Refractory Depression? {n} Patients Try Esketamine",
                   "{first} {last}: Treatment Resistance Is Not the End of the Road"],
        "lines": ["Most of the patients had tried multiple treatments without success before "
                  "they were referred.",
                  "Treatment-resistant depression is usually defined as failing to respond to at "
                  "least two antidepressants.",
                  "For people whose treatments have failed, a response rate near {pct} percent is "
                  "significant, {first} {last} said.",
                  "Several participants had exhausted other treatment options, including therapy "
                  "and medication changes."],
    },
    "anxiety": {
        "titles": ["Calming the Storm: Ketamine and Anxiety Disorders in {city}",
                   "Panic Attacks, Social Anxiety and a Surprising New Option",
                   "{first} {last} on Treating Generalized Anxiety Disorder Differently"],
        "lines": ["People living with generalized anxiety disorder often describe a constant "
                  "background hum of worry.",
                  "Several participants reported fewer panic attacks in the month after treatment.",
                  "Social anxiety kept one patient at home for years, she told the clinic staff.",
                  "Anxiety scores fell in {pct} percent of participants, though the effect faded "
                  "for some after a few weeks."],
    },
    "ptsd": {
        "titles": ["Trauma, Memory and Ketamine: A {city} Study of Combat Veterans",
                   "Can Ketamine Loosen the Grip of Traumatic Memories?",
                   "PTSD Treatment in {city}: {first} {last} Shares What Changed"],
        "lines": ["Post-traumatic stress disorder can leave traumatic memories feeling as vivid "
                  "as the day they happened.",
                  "The study enrolled {n} combat veterans with PTSD who had not improved with "
                  "prolonged exposure therapy.",
                  "Trauma-focused therapy remains the foundation, {first} {last} stressed, and "
                  "ketamine is used alongside it.",
                  "Participants with PTSD reported fewer nightmares and less hypervigilance."],
    },
    "ocd": {
        "titles": ["Breaking the Loop: Ketamine for Obsessive-Compulsive Disorder",
                   "Intrusive Thoughts and Rapid Relief: An OCD Pilot in {city}"],
        "lines": ["Obsessive-compulsive disorder traps people in cycles of intrusive thoughts "
                  "and compulsive checking.",
                  "In the small OCD pilot, obsessions eased within hours for about half of the "
                  "participants.",
                  "Compulsions returned for most patients within two weeks, {first} {last} noted."],
    },
    "bipolar-disorder": {
        "titles": ["Bipolar Depression and Ketamine: Promise and Caution",
                   "{first} {last} on Mood Stabilizers, Mania and New Options"],
        "lines": ["Bipolar depression is notoriously hard to treat, and some antidepressants "
                  "can trigger mania.",
                  "Patients stayed on their mood stabilizer throughout the study.",
                  "No new manic or hypomania episodes were recorded during the {n}-week follow-up."],
    },
    "suicidal-ideation": {
        "titles": ["Hours, Not Weeks: Ketamine in Suicidal Crises",
                   "Emergency Departments in {city} Test Ketamine for Suicidal Thoughts"],
        "lines": ["For people experiencing suicidal ideation, the weeks an antidepressant takes "
                  "to work can be dangerous.",
                  "Suicidal thoughts decreased within 24 hours for many patients in the "
                  "emergency department study.",
                  "Clinicians stress that ketamine does not replace safety planning after a "
                  "suicide attempt or self-harm."],
    },
    "chronic-pain": {
        "titles": ["Low-Dose Ketamine for Chronic Pain: A {city} Pain Clinic's Experience",
                   "Fibromyalgia, Neuropathy and the Search for Pain Relief",
                   "{first} {last} on Ketamine and Complex Regional Pain Syndrome"],
        "lines": ["Chronic pain and depression often travel together, and each makes the other "
                  "harder to treat.",
                  "Patients with fibromyalgia or neuropathy reported better pain relief for "
                  "several weeks.",
                  "The pain management team used low-dose infusions for complex regional pain "
                  "syndrome.",
                  "Chronic back pain was the most common reason for referral to the clinic."],
    },
    "addiction": {
        "titles": ["Ketamine-Assisted Therapy for Alcohol Use Disorder",
                   "Can Ketamine Help People Quit Drinking? {city} Trial Reports",
                   "{first} {last} on Addiction, Relapse and Rapid-Acting Treatments"],
        "lines": ["Alcohol use disorder has high relapse rates even after a successful detox.",
                  "Participants who received ketamine alongside therapy had more days without "
                  "drinking over six months.",
                  "Opioid use disorder programmes are watching the results closely, {first} "
                  "{last} said.",
                  "Substance use disorder often co-occurs with depression, which complicates care."],
    },
    "nmda-glutamate": {
        "titles": ["How Ketamine Works: NMDA Receptors and the Glutamate Surge",
                   "Beyond Serotonin: The Glutamate System Explained"],
        "lines": ["Ketamine is an NMDA receptor antagonist, which sets it apart from drugs that "
                  "act on serotonin.",
                  "Blocking NMDA receptors triggers a burst of glutamate that activates AMPA "
                  "receptors.",
                  "The glutamate system may explain why the antidepressant effect appears so "
                  "quickly, {first} {last} explained."],
    },
    "neuroplasticity": {
        "titles": ["Rewiring the Brain: Ketamine and Neuroplasticity",
                   "New Connections: What Brain Scans Show After Ketamine"],
        "lines": ["Researchers believe ketamine promotes synaptogenesis, the growth of new "
                  "synaptic connections.",
                  "Levels of brain-derived neurotrophic factor (BDNF) rose after treatment.",
                  "Scans showed changes in the default mode network, a set of brain regions "
                  "linked to rumination.",
                  "Neuroplasticity may open a window in which therapy is more effective, "
                  "{first} {last} suggested."],
    },
    "iv-infusion": {
        "titles": ["Inside an Infusion Clinic in {city}",
                   "What to Expect at Your First IV Ketamine Infusion"],
        "lines": ["A typical IV infusion lasts about forty minutes in a quiet, dimly lit room.",
                  "Patients usually receive six intravenous sessions over two to three weeks.",
                  "The infusion center in {city} has treated {n} patients since it opened."],
    },
    "nasal-spray": {
        "titles": ["Esketamine Nasal Spray: One Year of Spravato in {city}",
                   "{first} {last} on Intranasal Esketamine and Access to Care"],
        "lines": ["Spravato, an esketamine nasal spray, is given in a clinic under observation.",
                  "The nasal spray is used together with an oral antidepressant.",
                  "Intranasal dosing has made treatment easier to offer outside hospitals."],
    },
    "side-effects": {
        "titles": ["The Risks of Ketamine Therapy: What Patients Should Know",
                   "Dissociation, Nausea and Blood Pressure: Ketamine's Side Effects"],
        "lines": ["The most common side effects were dissociation, nausea and a temporary rise "
                  "in blood pressure.",
                  "Long-term safety remains an open question, especially with frequent dosing.",
                  "Bladder damage has been reported mainly in people using high doses for years.",
                  "Clinicians weigh the benefits and risks for each patient, {first} {last} said."],
    },
    "clinical-research": {
        "titles": ["Randomized Trial in {city} Tests Ketamine Against Placebo",
                   "New Meta-Analysis Pools {n} Ketamine Studies",
                   "Phase III Results: {first} {last} Explains the Numbers"],
        "lines": ["The randomized, double-blind clinical trial enrolled {n} participants.",
                  "The study, published in a peer-reviewed journal, compared ketamine with an "
                  "active placebo.",
                  "Researchers found a response rate of {pct} percent at the primary endpoint.",
                  "A systematic review and meta-analysis reached similar conclusions."],
    },
    "recreational-use": {
        "titles": ["From Club Drug to Clinic: Ketamine's Double Life",
                   "Recreational Use of Ketamine Rises in {city}, Officials Say"],
        "lines": ["Outside the clinic, ketamine is still sold as a street drug and party drug.",
                  "Harm reduction workers in {city} report more recreational users than five "
                  "years ago.",
                  "Misuse at raves and nightclubs carries risks that supervised treatment avoids."],
    },
    "anesthesia": {
        "titles": ["Ketamine's Long History in Anesthesia and Emergency Medicine",
                   "From the Operating Room to Psychiatry: {first} {last} Looks Back"],
        "lines": ["Ketamine has been used in anesthesia since the 1970s, from battlefield "
                  "medicine to veterinary surgery.",
                  "As a general anesthetic it preserves breathing, which makes it valuable in "
                  "emergency medicine.",
                  "Anesthesiologists were among the first to notice its effect on mood after "
                  "surgery."],
    },
}

# Weights so a few topics are large (>= 50 articles, a full per-topic feed) and others small.
WEIGHTS = {"depression": 14, "anxiety": 10, "treatment-resistant-depression": 8, "ptsd": 8,
           "chronic-pain": 7, "clinical-research": 7, "side-effects": 6, "addiction": 6,
           "iv-infusion": 5, "nasal-spray": 5, "suicidal-ideation": 5, "neuroplasticity": 4,
           "nmda-glutamate": 4, "ocd": 3, "bipolar-disorder": 3, "recreational-use": 3,
           "anesthesia": 2}

GENERIC = ["Ketamine is not a cure, and most clinics pair it with ongoing therapy.",
           "Costs remain a barrier, since many insurers do not cover off-label treatment.",
           "The clinic in {city} now has a waiting list of several months.",
           "{first} {last}, a {role} at a {inst} in {city}, has followed patients for {y} years.",
           "Patients are screened carefully before their first session.",
           "Follow-up appointments check how long the improvement lasts.",
           "Families were encouraged to attend the first consultation.",
           "More research is needed to know which patients benefit most.",
           "Guidelines differ between countries, and some regulators remain cautious.",
           "Several patients said the experience itself was strange but not unpleasant."]


def article(rng, i):
    focus = rng.choices(list(WEIGHTS), weights=list(WEIGHTS.values()), k=rng.choice([1, 1, 2]))
    focus = list(dict.fromkeys(focus))
    v = {"city": rng.choice(CITIES), "first": rng.choice(FIRST), "last": rng.choice(LAST),
         "role": rng.choice(ROLES), "inst": rng.choice(INSTITUTIONS),
         "n": rng.randint(12, 480), "pct": rng.randint(28, 71), "y": rng.randint(3, 25)}
    title = rng.choice(TOPICS[focus[0]]["titles"]).format(**v)
    lines = []
    for t in focus:
        lines += rng.sample(TOPICS[t]["lines"], k=min(3, len(TOPICS[t]["lines"])))
    lines += rng.sample(GENERIC, k=rng.randint(3, 5))
    rng.shuffle(lines)
    lines = [s.format(**v) for s in lines]
    # a closing line that makes every text unique, as a dated report would be
    lines.append("This report, number %d in our series, was prepared in %s with input from %s %s."
                 % (i + 1, v["city"], v["first"], v["last"]))
    paras, k = [], 0
    while k < len(lines):
        step = rng.randint(2, 3)
        paras.append(" ".join(lines[k:k + step]))
        k += step
    return title, paras


def pad(rng, title, paras, min_bytes, max_bytes):
    """More paragraphs, drawn without repeats from every topic's lines, to a size in range."""
    target = rng.randint(min_bytes, max_bytes)
    v = {"city": rng.choice(CITIES), "first": rng.choice(FIRST), "last": rng.choice(LAST),
         "role": rng.choice(ROLES), "inst": rng.choice(INSTITUTIONS),
         "n": rng.randint(12, 480), "pct": rng.randint(28, 71), "y": rng.randint(3, 25)}
    pool = [line for t in TOPICS.values() for line in t["lines"]] + GENERIC
    rng.shuffle(pool)
    size = len((title + "\n\n" + "\n\n".join(paras) + "\n").encode("utf-8"))
    k = 0
    while size < target and k < len(pool):
        step = rng.randint(2, 4)
        para = " ".join(s.format(**v) for s in pool[k:k + step])
        k += step
        paras.insert(len(paras) - 1, para)  # the unique closing line stays last
        size += len(para.encode("utf-8")) + 2
    return paras


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    out = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 42)
    min_bytes = int(sys.argv[4]) if len(sys.argv) > 4 else 0
    max_bytes = int(sys.argv[5]) if len(sys.argv) > 5 else min_bytes + 2000
    start = int(sys.argv[6]) if len(sys.argv) > 6 else 0
    os.makedirs(out, exist_ok=True)
    for i in range(start, start + n):
        title, paras = article(rng, i)
        if min_bytes > 0:
            paras = pad(rng, title, paras, min_bytes, max_bytes)
        with open(os.path.join(out, "%04d.txt" % i), "w", encoding="utf-8") as f:
            f.write(title + "\n\n" + "\n\n".join(paras) + "\n")


if __name__ == "__main__":
    main()
