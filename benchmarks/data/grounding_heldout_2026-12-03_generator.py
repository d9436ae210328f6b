#!/usr/bin/env python3
"""Deterministic generator for grounding_heldout_2026-12-03.jsonl.
All passages, questions and answers are hand-written (invented facts) by a helper
that did not read the checker. Labels follow from the kind of each row."""
import json, os, re, collections
SUP = {"verbatim", "paraphrase", "number_format", "inference", "summary", "pronoun"}
UNS = {"changed_number", "wrong_unit", "swapped_entity", "negation", "extra_claim",
       "overgeneralisation", "wrong_causal", "date_shift", "wrong_question",
       "world_knowledge", "entity_mixing", "vague_nonanswer"}
PASSAGES = []
def P(genre, source, rows):
    PASSAGES.append((genre, " ".join(source.split()), rows))
P("encyclopedic", """The Varnholt Bridge is a steel arch bridge spanning the Elske River in northern Tamsland. Construction began in 1931 and the bridge opened to traffic in 1934. Its main arch is 310 metres long, and the deck sits 42 metres above the water at mean tide. The bridge was designed by engineer Ottilie Brandvik, while the contractor was the firm Haug & Sons. In 1978 a second, narrower deck for pedestrians and cyclists was added beneath the road deck. The bridge carries about 18,000 vehicles per day and was listed as a protected monument in 1992.""", [
 ("verbatim", "When did the Varnholt Bridge open to traffic?", "The bridge opened to traffic in 1934.", "verbatim span"),
 ("number_format", "How long is the main arch?", "It is 0.31 kilometres long.", "310 m = 0.31 km"),
 ("inference", "How many years did construction take?", "About three years, from 1931 to 1934.", "1934-1931=3"),
 ("paraphrase", "Who designed the bridge?", "Ottilie Brandvik, an engineer.", "designer stated"),
 ("changed_number", "How high is the deck above the water?", "The deck sits 24 metres above the water at mean tide.", "passage says 42"),
 ("swapped_entity", "Who designed the Varnholt Bridge?", "It was designed by Haug & Sons.", "Haug & Sons was the contractor"),
 ("date_shift", "When was the pedestrian deck added?", "A second, narrower deck for pedestrians and cyclists was added in 1992.", "added 1978; 1992 is listing year"),
 ("extra_claim", "How many vehicles use the bridge?", "About 18,000 vehicles per day, making it the busiest bridge in Tamsland.", "busiest claim not stated"),
 ("negation", "Is the pedestrian deck above the road deck?", "Yes, the narrower deck for pedestrians and cyclists sits above the road deck.", "passage says beneath"),
 ("wrong_causal", "Why was the bridge listed as a protected monument?", "It was listed in 1992 because the second deck was added in 1978.", "no causal link stated"),
])
P("news", """Harlow City Council voted 7 to 4 on Tuesday to approve a new bus rapid transit line linking the central station with the Eastmere hospital. The 11-kilometre route will have 14 stops and dedicated lanes for most of its length. Officials estimate the project will cost 96 million euros, of which the national transport fund will cover 60 million. Construction is expected to start next spring and last about two years. Councillor Ines Varga, who voted against, said the council had not consulted shop owners along Mill Road, where two traffic lanes will be removed.""", [
 ("paraphrase", "What did the council approve?", "A bus rapid transit line between Eastmere hospital and the central station won the council's approval.", "reordered paraphrase"),
 ("inference", "How much of the cost is not covered by the national transport fund?", "36 million euros.", "96-60=36"),
 ("number_format", "How many stops will the route have?", "Fourteen.", "14 = fourteen"),
 ("summary", "What was the vote and what was the main objection?", "The council approved the line 7 to 4; Ines Varga objected that Mill Road shop owners were not consulted.", "combines two sentences"),
 ("changed_number", "How long is the route?", "The 14-kilometre route will have 11 stops.", "11 km; 14 is stop count"),
 ("wrong_unit", "How long is the route?", "It is 11 miles long.", "kilometres not miles"),
 ("negation", "Did Councillor Varga support the project?", "Yes, Ines Varga voted for the line.", "she voted against"),
 ("overgeneralisation", "Will lanes be dedicated to the buses?", "Yes, the entire route will have dedicated lanes.", "passage: most of its length"),
 ("world_knowledge", "Which country is Harlow in?", "Harlow is in England.", "passage does not state country"),
 ("vague_nonanswer", "How long will construction last?", "The passage does not give any timeline for construction.", "it says about two years"),
])
P("technical manual", """To reset the Corvel T20 router to factory settings, keep the device powered on and press the recessed RESET button on the rear panel with a paperclip. Hold the button for 10 seconds until the status light blinks amber, then release it. The router will restart, which takes about 90 seconds. After the reset, the default Wi-Fi name is printed on the label underneath the unit, and the admin password is "corvel-admin". Note that a reset erases all custom settings, including port forwarding rules and parental controls. Firmware updates are not removed by a reset.""", [
 ("verbatim", "How long must the RESET button be held?", "Hold the button for 10 seconds until the status light blinks amber.", "verbatim"),
 ("number_format", "How long does the restart take?", "About a minute and a half.", "90 s = 1.5 min"),
 ("paraphrase", "Where can I find the default Wi-Fi name after a reset?", "On the label on the bottom of the router.", "underneath = bottom"),
 ("paraphrase", "What happens to the firmware updates when the router is reset?", "They stay; a reset does not remove them.", "stated"),
 ("negation", "Does a reset keep port forwarding rules?", "Yes, port forwarding rules are kept after a reset.", "they are erased"),
 ("swapped_entity", "What does the status light do when the button has been held long enough?", "It blinks green.", "blinks amber"),
 ("changed_number", "How long should I hold the RESET button?", "For 90 seconds.", "10 s; 90 s is restart time"),
 ("wrong_question", "How long should I hold the RESET button?", "The router takes about 90 seconds to restart.", "answers a different question"),
 ("extra_claim", "What is the default admin password?", "It is \"corvel-admin\", and you will be forced to change it on first login.", "forced change not stated"),
 ("vague_nonanswer", "Does a reset remove firmware updates?", "It depends on the firmware version installed.", "passage says plainly no"),
])
P("scientific abstract", """We examined whether daily consumption of fermented rye bread affects fasting blood glucose in adults with prediabetes. In a 12-week randomised trial, 164 participants were assigned to eat either 150 grams of fermented rye bread or 150 grams of refined wheat bread each day. Fasting glucose fell by a mean of 0.4 mmol/L in the rye group and by 0.1 mmol/L in the wheat group. The difference was statistically significant. No differences in body weight were observed between groups. These results suggest that fermented rye may modestly improve glycaemic control, although longer trials are needed.""", [
 ("verbatim", "How long was the trial?", "12 weeks.", "verbatim"),
 ("inference", "By how much more did fasting glucose fall in the rye group than in the wheat group?", "By 0.3 mmol/L more.", "0.4-0.1"),
 ("paraphrase", "Did body weight change differently between the groups?", "No, the two groups did not differ in body weight.", "paraphrase"),
 ("number_format", "How much bread did participants eat daily?", "0.15 kilograms of bread per day.", "150 g = 0.15 kg"),
 ("overgeneralisation", "What did the study show about rye bread?", "It proved that fermented rye bread cures prediabetes.", "study only suggests modest improvement"),
 ("changed_number", "How many people took part?", "146 participants.", "164"),
 ("wrong_unit", "How much bread did each participant eat per day?", "150 kilograms of bread each day.", "grams"),
 ("negation", "Was the difference between groups significant?", "No, the difference was not statistically significant.", "it was significant"),
 ("entity_mixing", "How much did fasting glucose fall in the wheat group?", "It fell by a mean of 0.4 mmol/L.", "0.4 is rye group"),
 ("wrong_causal", "Why did glucose fall in the rye group?", "Because participants in the rye group lost body weight.", "no weight differences; causal link not stated"),
])
P("policy document", """Employees of Brennick Logistics may work remotely for up to two days per week, subject to manager approval. Requests must be submitted through the HR portal at least five working days before the first remote day. Staff in warehouse and driving roles are not eligible because their duties require physical presence. Remote workers must be reachable by phone or chat between 10:00 and 15:00. The company will reimburse up to 30 euros per month for home internet costs on presentation of a receipt. This policy takes effect on 1 March 2026 and will be reviewed after twelve months.""", [
 ("paraphrase", "How many remote days per week are allowed?", "At most two a week, if the manager approves.", "paraphrase"),
 ("inference", "When is the policy due for review?", "Around 1 March 2027.", "1 March 2026 + 12 months"),
 ("number_format", "How far in advance must requests be made?", "At least 5 working days ahead of the first remote day.", "verbatim-ish number"),
 ("pronoun", "Why are warehouse staff excluded?", "Their duties require them to be physically present.", "stated reason"),
 ("changed_number", "How much is the internet reimbursement?", "Up to 50 euros per month.", "30 euros"),
 ("date_shift", "When does the policy take effect?", "On 1 May 2026.", "1 March 2026"),
 ("negation", "Are drivers eligible for remote work?", "Yes, staff in driving roles are eligible.", "not eligible"),
 ("extra_claim", "When must remote workers be reachable?", "Between 10:00 and 15:00, and they must also keep their camera on during that time.", "camera not stated"),
 ("overgeneralisation", "Can employees work remotely?", "Every Brennick employee can work remotely two days per week.", "warehouse and driving excluded; subject to approval"),
 ("vague_nonanswer", "Is there a reimbursement for internet costs?", "The policy leaves this to each manager's discretion.", "passage states up to 30 euros with receipt"),
])
P("product FAQ", """Q: How long does the battery of the Lumo S3 headphones last? A: With noise cancelling switched on, a full charge lasts up to 28 hours; with it switched off, up to 36 hours. A full charge takes about 2 hours using the supplied USB-C cable. A 10-minute quick charge gives around 4 hours of playback. Q: Are the headphones waterproof? A: No. The Lumo S3 is rated IPX4, which means it resists splashes and sweat but should not be submerged. Q: Can I connect two devices at once? A: Yes, multipoint pairing lets you connect a phone and a laptop at the same time.""", [
 ("verbatim", "How long does the battery last with noise cancelling on?", "Up to 28 hours.", "verbatim"),
 ("inference", "How many more hours does the battery last with noise cancelling off than on?", "Up to 8 hours more.", "36-28"),
 ("number_format", "How long does a full charge take?", "Roughly 120 minutes.", "2 h = 120 min"),
 ("paraphrase", "Can I swim with the headphones?", "No, they only resist splashes and sweat and should not be put under water.", "paraphrase"),
 ("negation", "Are the Lumo S3 headphones waterproof?", "Yes, the Lumo S3 headphones are waterproof.", "passage says No"),
 ("entity_mixing", "How long does the battery last with noise cancelling off?", "Up to 28 hours.", "28 is with NC on"),
 ("changed_number", "What does a 10-minute quick charge give?", "Around 6 hours of playback.", "4 hours"),
 ("overgeneralisation", "Can the headphones connect to several devices?", "Yes, they can connect to any number of devices simultaneously.", "passage: two devices"),
 ("world_knowledge", "What does the IPX4 rating's X mean?", "The X means the product was not tested for dust protection.", "true-ish world knowledge, not in passage"),
 ("wrong_question", "How long does a full charge take?", "A 10-minute quick charge gives around 4 hours of playback.", "answers quick-charge question instead"),
])
P("encyclopedic", """The sand cat (Felis margarita) is a small wild cat found in the deserts of North Africa and Southwest Asia. Adults weigh between 1.5 and 3.4 kilograms. Its paws are covered with dense fur, which insulates them from hot sand and helps the cat move over loose ground. Sand cats are mostly nocturnal and shelter in burrows during the heat of the day. They feed mainly on small rodents, but also take birds, reptiles and insects. Sand cats obtain most of the water they need from their prey and can go for long periods without drinking.""", [
 ("paraphrase", "When are sand cats active?", "Mainly at night; during hot daytime hours they stay in burrows.", "paraphrase"),
 ("number_format", "What is the upper weight of an adult sand cat?", "About 3,400 grams.", "3.4 kg"),
 ("pronoun", "What is the function of the fur on the paws?", "It insulates the paws against hot sand and helps the cat move on loose ground.", "stated"),
 ("summary", "Where do sand cats live and what do they eat?", "They live in deserts of North Africa and Southwest Asia and eat mostly small rodents, plus birds, reptiles and insects.", "two sentences"),
 ("changed_number", "How much do adults weigh?", "Between 2.5 and 3.4 kilograms.", "1.5"),
 ("overgeneralisation", "What do sand cats eat?", "They eat only small rodents.", "mainly, also birds etc."),
 ("wrong_causal", "Why do sand cats seldom drink?", "Because the dense fur on their paws insulates them from hot sand.", "wrong cause; water comes from prey"),
 ("negation", "Do sand cats get water from their prey?", "No, sand cats do not obtain water from their prey.", "they do"),
 ("world_knowledge", "What is the conservation status of the sand cat?", "It is listed as Least Concern by the IUCN.", "not stated"),
 ("extra_claim", "Where do sand cats shelter during the day?", "In burrows, which they dig themselves up to three metres deep.", "depth and digging not stated"),
])
P("news", """Shares of the chipmaker Orvane Systems rose 9 percent on Thursday after the company reported quarterly revenue of 4.2 billion dollars, up from 3.5 billion a year earlier. Net profit doubled to 610 million dollars. Chief executive Dana Pryce credited strong demand for data-centre processors, which now make up 58 percent of sales. The company also raised its full-year forecast. However, Orvane warned that a shortage of packaging capacity could limit shipments in the first half of next year. Rival firm Kestrel Micro saw its shares fall 3 percent on the same day.""", [
 ("verbatim", "How much did Orvane's shares rise?", "Shares rose 9 percent on Thursday.", "verbatim"),
 ("inference", "By how much did quarterly revenue increase year on year?", "By 0.7 billion dollars.", "4.2-3.5"),
 ("number_format", "What share of sales comes from data-centre processors?", "Fifty-eight per cent.", "58 percent"),
 ("pronoun", "What did the CEO credit for the results?", "Dana Pryce credited strong demand for data-centre processors.", "stated"),
 ("swapped_entity", "Whose shares fell 3 percent?", "Orvane Systems' shares fell 3 percent.", "Kestrel Micro fell"),
 ("entity_mixing", "How did Kestrel Micro's shares move?", "Kestrel Micro's shares rose 9 percent.", "mixes Orvane's move"),
 ("negation", "Did Orvane lower its full-year forecast?", "Yes, Orvane lowered its full-year forecast.", "it raised"),
 ("changed_number", "What was the net profit?", "Net profit doubled to 410 million dollars.", "610"),
 ("extra_claim", "What risk did Orvane warn about?", "A packaging capacity shortage that could limit shipments, which caused its share price to fall later in the week.", "later fall not stated"),
 ("wrong_causal", "Why did Kestrel Micro's shares fall?", "Because Orvane warned about a shortage of packaging capacity.", "no cause for Kestrel fall given"),
])
P("technical manual", """The Halden HX-400 dishwasher offers five wash programmes. The Eco programme runs at 45 °C and takes 3 hours 20 minutes, using 9.5 litres of water. The Intensive programme runs at 70 °C, takes 2 hours 10 minutes and uses 14 litres. The Quick programme runs at 40 °C for 30 minutes and is intended only for lightly soiled dishes. Add rinse aid when the indicator on the control panel lights up; the reservoir holds 110 ml. If the E4 error code appears, water has reached the base pan: turn off the tap and contact service.""", [
 ("verbatim", "How long does the Quick programme take?", "30 minutes.", "verbatim"),
 ("inference", "Which programme uses more water, Eco or Intensive?", "Intensive, which uses 14 litres versus 9.5 litres for Eco.", "comparison"),
 ("number_format", "How long is the Eco programme?", "200 minutes.", "3h20 = 200 min"),
 ("paraphrase", "What should I do if E4 appears?", "Shut off the water tap and get in touch with service, because water is in the base pan.", "paraphrase"),
 ("entity_mixing", "What temperature does the Eco programme use?", "70 °C.", "70 is Intensive"),
 ("wrong_unit", "How much does the rinse aid reservoir hold?", "110 litres.", "110 ml"),
 ("changed_number", "How long does the Intensive programme take?", "2 hours 40 minutes.", "2h10"),
 ("overgeneralisation", "What is the Quick programme for?", "It cleans any load, including heavily soiled pots.", "only lightly soiled"),
 ("world_knowledge", "Why does the Eco programme take longer than the Intensive one?", "Because lower temperatures require longer soaking times to achieve the same cleaning.", "explanation not in passage"),
 ("vague_nonanswer", "How much water does the Eco programme use?", "Water use varies and is not specified in the manual.", "9.5 litres stated"),
])
P("policy document", """Under the Riverside School District attendance policy, a student who is absent must have a parent or guardian notify the school office by 9:30 a.m. on the day of the absence. Absences of more than three consecutive days require a doctor's note. After ten unexcused absences in a semester, the school will arrange a meeting with the family and the attendance officer. Students who arrive more than 20 minutes after the start of the first lesson are recorded as absent for that lesson. Absences for religious holidays are excused when requested in writing one week in advance.""", [
 ("verbatim", "By what time must the school be notified of an absence?", "By 9:30 a.m. on the day of the absence.", "verbatim"),
 ("paraphrase", "When is a doctor's note needed?", "When a student misses school for over three days in a row.", "paraphrase"),
 ("number_format", "After how many unexcused absences is a family meeting arranged?", "After 10 unexcused absences in a semester.", "verbatim number"),
 ("paraphrase", "Who takes part in the meeting after ten unexcused absences?", "The family and the attendance officer, arranged by the school.", "stated"),
 ("changed_number", "When is a late student marked absent for the first lesson?", "Students who arrive more than 10 minutes after the start of the first lesson are recorded as absent.", "20 minutes"),
 ("date_shift", "How far in advance must religious holiday absences be requested?", "Two weeks in advance, in writing.", "one week"),
 ("negation", "Are absences for religious holidays excused?", "No, absences for religious holidays are unexcused.", "excused if requested"),
 ("swapped_entity", "Who must notify the school office about an absence?", "The attendance officer must notify the school office.", "parent or guardian"),
 ("extra_claim", "When is a doctor's note required?", "For absences of more than three consecutive days; without it the student is suspended.", "suspension not stated"),
 ("wrong_question", "When must parents notify the school about an absence?", "Absences of more than three consecutive days require a doctor's note.", "answers different question"),
])
P("encyclopedic", """Lake Ormund is a freshwater lake in the Kelvar Highlands. It covers an area of 38 square kilometres and reaches a maximum depth of 112 metres, making it the deepest lake in the region. The lake is fed mainly by the Tavi and Rusk rivers and drains to the south through the Olm. The town of Pellary, on the northern shore, was founded in 1412 as a fishing settlement. Today tourism is the main industry, and a ferry service between Pellary and the village of Sund on the eastern shore operates from May to September.""", [
 ("verbatim", "What is the maximum depth of Lake Ormund?", "112 metres.", "verbatim"),
 ("paraphrase", "Which river carries water out of the lake?", "The Olm, which flows out southward.", "drains to south through Olm"),
 ("number_format", "How deep is the lake at its deepest point?", "0.112 kilometres.", "112 m"),
 ("pronoun", "Which town is on the northern shore, and what was it originally?", "Pellary, which was founded in 1412 as a fishing settlement.", "town sentence resolved"),
 ("swapped_entity", "Which river drains the lake?", "The lake drains to the south through the Rusk.", "Rusk is an inflow; Olm drains"),
 ("changed_number", "What area does the lake cover?", "83 square kilometres.", "38"),
 ("date_shift", "When was Pellary founded?", "In 1421.", "1412"),
 ("entity_mixing", "Where is Sund located?", "Sund is on the northern shore and was founded in 1412 as a fishing settlement.", "that is Pellary"),
 ("overgeneralisation", "When does the ferry operate?", "The ferry runs all year round.", "May to September"),
 ("world_knowledge", "What fish are caught in Lake Ormund?", "Mainly trout and char.", "not stated"),
])
P("news", """A magnitude 5.8 earthquake struck off the coast of the Dessary Peninsula at 03:14 local time on Sunday, the national seismology institute said. The quake's epicentre was 40 kilometres offshore at a depth of 12 kilometres. Residents of the port town of Kell reported strong shaking, and several older buildings suffered cracked walls. No deaths were reported, but eleven people were treated in hospital for minor injuries. The institute said there was no tsunami risk. More than 30 aftershocks were recorded by midday, the largest of magnitude 4.1.""", [
 ("verbatim", "What was the magnitude of the earthquake?", "A magnitude 5.8 earthquake.", "verbatim"),
 ("number_format", "How many people were treated in hospital?", "11 people.", "eleven = 11"),
 ("paraphrase", "Was there a risk of a tsunami?", "According to the institute, a tsunami was not a risk.", "paraphrase"),
 ("inference", "How much weaker, in magnitude, was the largest aftershock than the main quake?", "1.7 magnitude units lower.", "5.8-4.1"),
 ("changed_number", "How far offshore was the epicentre?", "12 kilometres offshore.", "40 km; 12 is depth"),
 ("wrong_unit", "How deep was the quake?", "At a depth of 12 metres.", "12 km"),
 ("date_shift", "When did the earthquake strike?", "The earthquake struck at 03:14 local time on Saturday.", "Sunday"),
 ("negation", "Were any deaths reported?", "Yes, eleven deaths were reported.", "no deaths; eleven injured"),
 ("overgeneralisation", "What damage did buildings suffer?", "All buildings in Kell suffered cracked walls.", "several older buildings"),
 ("extra_claim", "How many aftershocks were recorded?", "More than 30 by midday, and the aftershocks continued for a week.", "week not stated"),
])
P("technical manual", """The Ferro PX2 cordless drill uses an 18 V lithium-ion battery. Before first use, charge the battery fully; this takes approximately 60 minutes with the standard charger. The drill has two speed settings: setting 1 (0-450 rpm) for screwdriving and setting 2 (0-1,600 rpm) for drilling. The torque collar offers 20 positions plus a drill mode. Always select the speed setting while the motor is stopped, as changing it during operation can damage the gearbox. When the battery is low, the LED on the handle flashes red. Store the battery between 5 °C and 25 °C.""", [
 ("verbatim", "What voltage is the battery?", "The drill uses an 18 V lithium-ion battery.", "verbatim"),
 ("number_format", "How long does the first full charge take?", "Approximately one hour.", "60 min"),
 ("paraphrase", "Why should I not change speed while drilling?", "Switching the speed while the motor runs can harm the gearbox.", "paraphrase"),
 ("inference", "How much higher is the maximum speed on setting 2 than on setting 1?", "1,150 rpm higher.", "1600-450"),
 ("swapped_entity", "Which setting is for screwdriving?", "Setting 2 (0-1,600 rpm) is for screwdriving.", "setting 1"),
 ("changed_number", "How many torque positions are there?", "The torque collar offers 16 positions plus a drill mode.", "20"),
 ("negation", "Can I change the speed setting while the motor is running?", "Yes, change the speed setting while the motor is running.", "must be stopped"),
 ("wrong_unit", "What is the maximum speed on setting 1?", "450 revolutions per second.", "rpm = per minute, not per second"),
 ("entity_mixing", "What does the LED do when the battery is low?", "The LED on the handle flashes red during the 60-minute charge.", "mixes charging with low-battery signal"),
 ("vague_nonanswer", "At what temperature should the battery be stored?", "Any normal indoor temperature is fine; the manual gives no range.", "5-25 °C stated"),
])
P("scientific abstract", """Urban heat islands raise night-time temperatures in cities. We measured surface and air temperatures at 48 sites across the city of Marrowby during the summers of 2023 and 2024. Sites under mature tree canopy were on average 2.6 °C cooler in the afternoon than nearby unshaded sites, while green roofs reduced roof-surface temperatures by up to 18 °C but had little effect on street-level air temperature. Cooling from trees was greatest on days above 30 °C. We conclude that street trees are more effective than green roofs for reducing the heat experienced by pedestrians.""", [
 ("verbatim", "How many sites were measured?", "48 sites across the city of Marrowby.", "verbatim"),
 ("paraphrase", "What effect did green roofs have on street-level air?", "Very little; they cooled roof surfaces but barely changed street air temperature.", "paraphrase"),
 ("summary", "What were the main findings on trees and green roofs?", "Tree canopy sites were 2.6 °C cooler in the afternoon, while green roofs cut roof-surface temperatures by up to 18 °C with little street-level effect.", "two sentences"),
 ("inference", "Over how many summers were measurements taken?", "Two summers, 2023 and 2024.", "count"),
 ("negation", "Which is more effective for pedestrians, trees or green roofs?", "Green roofs are more effective than street trees for pedestrians.", "reversed comparison"),
 ("changed_number", "How much cooler were tree-shaded sites?", "On average 1.6 °C cooler.", "2.6"),
 ("date_shift", "When were measurements taken?", "During the summers of 2022 and 2023.", "2023 and 2024"),
 ("entity_mixing", "How much did trees reduce temperatures?", "Trees reduced roof-surface temperatures by up to 18 °C.", "18 °C is green roofs"),
 ("wrong_causal", "Why was cooling from trees greatest on hot days?", "Because green roofs had little effect on street-level air temperature on those days.", "no such causal link"),
 ("overgeneralisation", "What does the study show about trees?", "Trees lower temperatures by 2.6 °C in every city in the world.", "one city, afternoon average"),
])
P("policy document", """The Fenwick Public Library lends books for 21 days, and most items can be renewed twice online if no other member has reserved them. DVDs are lent for 7 days and cannot be renewed. Overdue fines are 0.20 euros per item per day, up to a maximum of 6 euros per item. Members under 18 pay no fines. A lost item must be paid for at its replacement cost plus a 5-euro processing fee. Members may borrow up to 15 items at once, of which no more than 4 may be DVDs. Library cards are free for residents of the county.""", [
 ("verbatim", "How long are books lent for?", "21 days.", "verbatim"),
 ("inference", "If a member already has 4 DVDs, how many other items can they still borrow at once?", "11 more items.", "15-4"),
 ("number_format", "What is the daily overdue fine?", "20 cents per item per day.", "0.20 euros"),
 ("paraphrase", "Can DVDs be renewed?", "No, DVD loans of one week cannot be extended.", "paraphrase, 7 days = one week"),
 ("changed_number", "What is the maximum fine per item?", "10 euros per item.", "6"),
 ("swapped_entity", "How long are DVDs lent for?", "DVDs are lent for 21 days.", "7 days"),
 ("negation", "Do members under 18 pay fines?", "Yes, members under 18 pay fines.", "they pay no fines"),
 ("overgeneralisation", "Who can get a free library card?", "Anyone can get a library card for free.", "residents of the county"),
 ("extra_claim", "What does a lost item cost?", "Its replacement cost plus a 5-euro fee, and the member's card is suspended until it is paid.", "suspension not stated"),
 ("wrong_question", "How many DVDs may a member borrow at once?", "Members may borrow up to 15 items at once.", "answers total not DVDs"),
])
P("product FAQ", """Q: What is the GreenBox meal kit? A: Each GreenBox contains pre-portioned ingredients and recipe cards for three or four dinners, depending on the plan. Q: How much does it cost? A: The two-person plan costs 54 euros per week and the family plan, for four people, costs 89 euros per week. Delivery is free. Q: Can I skip a week? A: Yes, you can skip any delivery in the app until 23:59 on the Wednesday before. Q: Is the packaging recyclable? A: The cardboard box and paper insulation are recyclable; the ice packs contain non-toxic gel and can be reused.""", [
 ("verbatim", "How much does the family plan cost?", "89 euros per week.", "verbatim"),
 ("inference", "How much more does the family plan cost per week than the two-person plan?", "35 euros more per week.", "89-54"),
 ("paraphrase", "What is the deadline for skipping a delivery?", "Just before midnight on the preceding Wednesday, using the app.", "23:59 = just before midnight"),
 ("number_format", "How many people does the family plan serve?", "4 people.", "stated"),
 ("changed_number", "How much does the two-person plan cost?", "45 euros per week.", "54"),
 ("date_shift", "By when must I skip a delivery?", "You can skip any delivery in the app until 23:59 on the Thursday before.", "Wednesday"),
 ("overgeneralisation", "Is all of the packaging recyclable?", "Yes, every part of the packaging, including the ice packs, is recyclable.", "ice packs reusable, not stated recyclable"),
 ("extra_claim", "Is delivery free?", "Yes, delivery is free, but only for orders inside the city limits.", "restriction not stated"),
 ("world_knowledge", "Are GreenBox ingredients organic?", "Yes, all GreenBox ingredients are certified organic.", "not stated"),
 ("vague_nonanswer", "Can I skip a week?", "That depends on your subscription terms.", "passage says yes"),
])
P("encyclopedic", """Marta Kovalenko (1889-1961) was a chemist and educator known for her work on soil nitrogen. Born in the village of Drevka, she studied at the University of Lyndon, where she became the institution's first female professor in 1924. Her 1931 book, Nitrogen in Cultivated Soils, became a standard text for agricultural colleges. Together with her colleague Anton Hessel she developed a rapid field test for soil nitrate in 1936. Hessel later founded a fertiliser company, while Kovalenko remained at the university until her retirement in 1954.""", [
 ("verbatim", "What was the title of Kovalenko's 1931 book?", "Nitrogen in Cultivated Soils.", "verbatim"),
 ("inference", "How old was Kovalenko when she died?", "About 71 or 72 years old (born 1889, died 1961).", "1961-1889=72 approx"),
 ("pronoun", "Where was she born?", "Marta Kovalenko was born in the village of Drevka.", "pronoun resolved"),
 ("inference", "Did Kovalenko become a professor before or after she developed the field test?", "Before: she became professor in 1924 and the test was developed in 1936.", "date comparison"),
 ("swapped_entity", "Who founded a fertiliser company?", "Marta Kovalenko founded a fertiliser company.", "Hessel did"),
 ("date_shift", "When did Kovalenko become a professor?", "In 1931.", "1924; 1931 is book"),
 ("entity_mixing", "What did Anton Hessel do until 1954?", "Hessel remained at the university until his retirement in 1954.", "that is Kovalenko"),
 ("overgeneralisation", "How was her book received?", "It became the standard text at every university in the world.", "agricultural colleges; 'a standard text'"),
 ("wrong_causal", "Why did Hessel found a fertiliser company?", "Because Kovalenko's book became a standard text for agricultural colleges.", "no causal link"),
 ("world_knowledge", "Did Kovalenko receive any major prizes?", "Yes, she received a national science medal in 1950.", "not stated"),
])
P("news", """The Tarrow regional government announced on Monday that it will ban single-use plastic cutlery and plates from restaurants and takeaway outlets starting 1 July next year. Businesses that break the rule after a six-month grace period may face fines of up to 2,500 euros. The measure follows a 2024 survey which found that plastic food packaging made up 31 percent of litter collected on Tarrow's beaches. Restaurant association spokesperson Leon Abara said members supported the goal but asked for subsidies to help small outlets switch to reusable or compostable alternatives.""", [
 ("paraphrase", "What will be banned?", "Restaurants and takeaways will no longer be allowed to use single-use plastic plates and cutlery.", "paraphrase"),
 ("inference", "How many kinds of single-use plastic items will the ban cover?", "Two: cutlery and plates.", "count of listed items"),
 ("number_format", "What share of beach litter was plastic food packaging?", "Just under a third (31 percent).", "31% ~ just under a third, with exact figure"),
 ("paraphrase", "What did the restaurant association spokesperson ask for?", "Leon Abara asked for subsidies to help small outlets switch to reusable or compostable alternatives.", "stated"),
 ("changed_number", "What fines may businesses face?", "Up to 5,200 euros.", "2,500"),
 ("overgeneralisation", "What penalty will businesses face?", "Every business that breaks the rule will be fined 2,500 euros.", "may face up to"),
 ("negation", "Did the restaurant association oppose the goal?", "Yes, the association opposed the goal.", "supported the goal"),
 ("date_shift", "What year was the beach litter survey?", "2023.", "2024"),
 ("wrong_causal", "Why did the association ask for subsidies?", "Because plastic packaging made up 31 percent of beach litter.", "reason: help small outlets switch"),
 ("world_knowledge", "Which other regions have already banned plastic cutlery?", "The European Union banned single-use plastic cutlery in 2021.", "not stated"),
])
P("technical manual", """To install the Quellin ST-5 smart thermostat, first switch off power to the heating system at the fuse box. Remove the old thermostat and label each wire with the supplied stickers according to its terminal letter. The ST-5 requires a C-wire (common wire) for continuous power; if your system has no C-wire, use the included power adapter kit. Mount the backplate with the two screws provided, connect the labelled wires, and snap the display onto the backplate. Restore power. The setup wizard will start automatically and takes about 5 minutes. Wi-Fi must be 2.4 GHz; 5 GHz networks are not supported.""", [
 ("verbatim", "What must be switched off first?", "Power to the heating system at the fuse box.", "verbatim"),
 ("paraphrase", "What if my system has no C-wire?", "Use the power adapter kit that comes in the box.", "included = comes in box"),
 ("number_format", "How many screws are used to mount the backplate?", "2 screws.", "stated"),
 ("pronoun", "What does the ST-5 need the C-wire for?", "It needs it for continuous power.", "stated"),
 ("negation", "Does the ST-5 support 5 GHz Wi-Fi?", "Yes, 5 GHz networks are supported.", "not supported"),
 ("swapped_entity", "Which Wi-Fi band is required?", "Wi-Fi must be 5 GHz.", "2.4 GHz"),
 ("changed_number", "How long does the setup wizard take?", "About 15 minutes.", "5"),
 ("extra_claim", "What happens after power is restored?", "The setup wizard starts automatically, and it also updates the firmware.", "firmware update not stated"),
 ("overgeneralisation", "Does the ST-5 need a C-wire?", "Yes, it cannot be installed in any home without a C-wire.", "adapter kit allows it"),
 ("vague_nonanswer", "What should I do with the old wires?", "The instructions don't cover the wiring.", "label them with stickers"),
])
P("scientific abstract", """Background: Short naps are widely believed to improve alertness, but their effect on learning in adolescents is unclear. Methods: 212 secondary-school students aged 14 to 17 were randomly assigned to a 20-minute nap or a 20-minute quiet reading period after lunch for four weeks. Vocabulary retention was tested weekly. Results: Students in the nap group recalled 11 percent more new words on average than the reading group. Self-reported afternoon sleepiness was also lower in the nap group. Conclusions: A brief post-lunch nap may support vocabulary learning in adolescents. The study did not assess effects beyond four weeks.""", [
 ("verbatim", "How long was the nap?", "20 minutes.", "verbatim"),
 ("paraphrase", "What was the comparison condition?", "A quiet reading period of twenty minutes after lunch.", "paraphrase + number"),
 ("number_format", "How many students took part?", "Two hundred and twelve.", "212"),
 ("summary", "What were the results for the nap group?", "They remembered 11 percent more new words on average and reported less afternoon sleepiness than the reading group.", "combines two result sentences"),
 ("overgeneralisation", "What does the study conclude?", "Napping is proven to improve learning of all subjects for students of every age.", "may support vocabulary, adolescents"),
 ("changed_number", "How much more did nap students recall?", "21 percent more new words.", "11"),
 ("date_shift", "How long did the study run?", "Four months.", "four weeks"),
 ("negation", "Was afternoon sleepiness lower in the nap group?", "No, sleepiness was higher in the nap group.", "lower"),
 ("extra_claim", "What was the age range?", "14 to 17, and the benefit was largest in the oldest students.", "not stated"),
 ("vague_nonanswer", "Did the nap group recall more words?", "The results were inconclusive.", "11% more"),
])
P("encyclopedic", """The Quarran is a breed of draught horse that originated in the Loum valley in the 18th century. Quarrans stand between 16 and 17 hands high and typically weigh 800 to 950 kilograms. The most common coat colours are bay and black; grey horses are rare. The breed was developed by crossing local mares with imported Flemish stallions to produce animals strong enough for ploughing heavy clay soils. Numbers fell sharply after tractors became widespread in the 1950s, and by 1975 only about 300 registered Quarrans remained. A breed society founded in 1976 has since helped numbers recover to roughly 2,100.""", [
 ("verbatim", "Where did the Quarran breed originate?", "In the Loum valley in the 18th century.", "verbatim"),
 ("inference", "By how many has the registered population grown since 1975?", "By about 1,800, from roughly 300 to about 2,100.", "2100-300"),
 ("paraphrase", "Why was the breed developed?", "To create horses powerful enough to plough heavy clay soils, by crossing local mares with Flemish stallions.", "paraphrase"),
 ("number_format", "How many Quarrans were left in 1975?", "About three hundred registered horses.", "300"),
 ("negation", "Are grey Quarrans common?", "Yes, grey is the most common coat colour.", "rare"),
 ("changed_number", "How much does a Quarran typically weigh?", "600 to 950 kilograms.", "800"),
 ("wrong_unit", "How tall are Quarrans?", "Between 16 and 17 metres high.", "hands"),
 ("wrong_causal", "Why did the breed society form in 1976?", "Because crossing local mares with Flemish stallions had produced weaker horses.", "not stated; contradicts"),
 ("date_shift", "When was the breed society founded?", "In 1975.", "1976"),
 ("extra_claim", "What colours are Quarrans?", "Mostly bay and black, and black horses fetch the highest prices.", "prices not stated"),
])
P("news", """The Ostrava Valley Marathon on Saturday was won by Kenyan runner Ruth Wanjiru in 2 hours 24 minutes 11 seconds, a course record. Defending champion Helga Sorensen finished second, 48 seconds behind. In the men's race, Tomas Lindqvist took victory in 2:09:50 after breaking away at the 35-kilometre mark. Organisers said 9,400 runners started the race and 8,870 finished. Temperatures stayed around 12 °C throughout the morning, which several athletes described as ideal. Next year's race is scheduled for 17 October.""", [
 ("verbatim", "What was the winning women's time?", "2 hours 24 minutes 11 seconds, a course record.", "verbatim"),
 ("inference", "How many starters did not finish?", "530 runners.", "9400-8870"),
 ("verbatim", "Where did Lindqvist break away?", "At the 35-kilometre mark.", "pronoun resolved to Lindqvist"),
 ("number_format", "How many runners started?", "Nine thousand four hundred.", "9,400"),
 ("swapped_entity", "Who won the women's race?", "Helga Sorensen won the women's race.", "Sorensen finished second"),
 ("entity_mixing", "What was Helga Sorensen's result?", "She set a course record of 2:24:11.", "that is Wanjiru"),
 ("changed_number", "Where did Lindqvist break away?", "At the 30-kilometre mark.", "35"),
 ("wrong_unit", "What was the temperature?", "Around 12 °F.", "°C"),
 ("date_shift", "When is next year's race?", "On 7 October.", "17 October"),
 ("wrong_causal", "Why did Wanjiru set a course record?", "Because Lindqvist broke away at the 35-kilometre mark.", "unrelated facts"),
])
P("technical manual", """The Pelt AQ-9 aquarium filter is rated for tanks of 100 to 250 litres. It moves up to 900 litres of water per hour and draws 11 watts. Clean the sponge media every two to four weeks by rinsing it in tank water removed during a water change; never rinse it under tap water, as chlorine kills the beneficial bacteria living in the sponge. Replace the carbon cartridge monthly. The impeller should be inspected every three months and cleaned if there is build-up. If the filter becomes noisy, check that the impeller shaft is seated correctly.""", [
 ("verbatim", "How much power does the filter draw?", "11 watts.", "verbatim"),
 ("paraphrase", "Why should I avoid rinsing the sponge under the tap?", "The chlorine in tap water would kill the helpful bacteria that live in the sponge.", "paraphrase"),
 ("number_format", "How often should the impeller be inspected?", "Every quarter of a year.", "3 months"),
 ("inference", "Which should be done more often: replacing the carbon cartridge or inspecting the impeller?", "Replacing the carbon cartridge (monthly versus every three months).", "comparison"),
 ("changed_number", "What tank sizes is the filter rated for?", "150 to 250 litres.", "100"),
 ("wrong_unit", "What is the flow rate?", "Up to 900 litres of water per minute.", "per hour"),
 ("negation", "Should the sponge be rinsed in tank water?", "No, never rinse the sponge in tank water.", "tank water is correct; tap is forbidden"),
 ("swapped_entity", "What should be replaced monthly?", "The sponge media should be replaced monthly.", "carbon cartridge"),
 ("world_knowledge", "What do the beneficial bacteria do?", "They convert ammonia into nitrite and then into nitrate.", "not stated"),
 ("wrong_question", "What should I check if the filter is noisy?", "The impeller should be inspected every three months.", "different question"),
])
P("policy document", """Travel expense policy, section 4. Employees travelling on company business may book economy-class flights for journeys under six hours; business class is permitted for flights of six hours or more with director approval. Hotel costs are reimbursed up to 140 euros per night in standard cities and 200 euros per night in designated high-cost cities. Meal allowances are 45 euros per day. Alcohol is not reimbursable. Claims must be submitted within 30 days of returning, with itemised receipts. Claims submitted after 90 days will not be paid.""", [
 ("verbatim", "What is the daily meal allowance?", "Meal allowances are 45 euros per day.", "verbatim"),
 ("inference", "How much more per night is allowed in high-cost cities than in standard cities?", "60 euros more.", "200-140"),
 ("paraphrase", "When may an employee fly business class?", "On flights lasting at least six hours, if a director approves.", "paraphrase"),
 ("number_format", "What is the hotel limit in standard cities?", "One hundred and forty euros a night.", "140"),
 ("changed_number", "What is the hotel limit in high-cost cities?", "240 euros per night.", "200"),
 ("negation", "Is alcohol reimbursable?", "Yes, alcohol is reimbursable.", "not"),
 ("overgeneralisation", "Can employees fly business class on long flights?", "Yes, all flights of six hours or more are automatically business class.", "requires approval"),
 ("entity_mixing", "What is the deadline for submitting claims?", "Claims must be submitted within 90 days with itemised receipts.", "30 days; 90 is non-payment cutoff"),
 ("extra_claim", "What must accompany a claim?", "Itemised receipts, plus a signed form from the line manager.", "form not stated"),
 ("vague_nonanswer", "Is there a limit on hotel costs?", "It depends on what the manager agrees.", "limits stated"),
])
P("product FAQ", """Q: How do I return an item bought from Nordhaven Outdoor? A: You can return unused items within 60 days of delivery for a full refund. Start the return in your account, print the prepaid label and drop the parcel at any Parcelpoint location. Q: Are returns free? A: Returns are free for members of Nordhaven Club; other customers pay a 4.95-euro return fee, deducted from the refund. Q: How long do refunds take? A: Refunds are issued within 5 business days of the item reaching our warehouse. Q: Can I return sale items? A: Yes, except for items marked "final sale".""", [
 ("verbatim", "How long do I have to return an item?", "Within 60 days of delivery.", "verbatim"),
 ("paraphrase", "Where do I drop off a return?", "At any Parcelpoint location, after printing the prepaid label.", "paraphrase"),
 ("inference", "If a non-member returns a 50-euro item, how much is refunded?", "45.05 euros.", "50-4.95"),
 ("number_format", "How long does the refund take?", "Within five business days of the item arriving at the warehouse.", "5 = five"),
 ("overgeneralisation", "Can sale items be returned?", "Yes, all sale items can be returned.", "except final sale"),
 ("negation", "Are returns free for Nordhaven Club members?", "No, Club members pay a 4.95-euro return fee.", "free for members"),
 ("changed_number", "What is the return fee for non-members?", "Other customers pay a 5.95-euro return fee, deducted from the refund.", "4.95"),
 ("date_shift", "How long is the return window?", "30 days from delivery.", "60"),
 ("world_knowledge", "Does Nordhaven ship internationally?", "Yes, Nordhaven ships to all EU countries.", "not stated"),
 ("wrong_question", "How long do refunds take?", "You can return unused items within 60 days of delivery.", "different question"),
])
P("scientific abstract", """We report the discovery of a transiting exoplanet, designated TOI-9021 b, orbiting a K-type dwarf star 118 light-years from Earth. The planet has a radius 1.9 times that of Earth and a mass of 6.3 Earth masses, giving a bulk density consistent with a rocky core surrounded by a thin gaseous envelope. It completes one orbit every 8.4 days. Its equilibrium temperature is estimated at 610 K, too hot for liquid water at the surface. Follow-up transmission spectroscopy with larger telescopes could determine whether the envelope contains water vapour.""", [
 ("verbatim", "How far away is the host star?", "118 light-years from Earth.", "verbatim"),
 ("paraphrase", "Could the surface hold liquid water?", "No, at an estimated 610 K it is too hot for surface liquid water.", "paraphrase"),
 ("number_format", "What is the planet's orbital period?", "Eight point four days.", "8.4"),
 ("paraphrase", "What kind of star does the planet orbit?", "A K-type dwarf star.", "stated"),
 ("changed_number", "What is the planet's radius?", "2.9 times that of Earth.", "1.9"),
 ("entity_mixing", "What is the planet's mass?", "1.9 Earth masses.", "1.9 is radius ratio"),
 ("wrong_unit", "How far is the star?", "The K-type dwarf star is 118 parsecs from Earth.", "light-years"),
 ("overgeneralisation", "Does the planet's atmosphere contain water vapour?", "Yes, spectroscopy confirmed water vapour in the envelope.", "only could determine in future"),
 ("wrong_causal", "Why is the planet too hot for liquid water?", "Because it has a thin gaseous envelope around a rocky core.", "cause not stated"),
 ("world_knowledge", "Which telescope discovered the planet?", "It was discovered by NASA's TESS satellite.", "TOI suggests TESS but passage does not state"),
])
P("encyclopedic", """The Battle of Kessary Ford was fought on 14 April 1573 between the forces of Duke Albrecht of Hollin and an alliance of free towns led by Maren. Albrecht's army of about 6,000 men attempted to cross the river Sava at Kessary but was blocked by roughly 4,500 townsmen who had fortified the far bank. After six hours of fighting, Albrecht withdrew. The victory secured Maren's independence for nearly a century. A memorial stone was placed at the ford in 1873, on the battle's 300th anniversary.""", [
 ("verbatim", "When was the battle fought?", "On 14 April 1573.", "verbatim"),
 ("inference", "Which side had more soldiers?", "Duke Albrecht's army, about 6,000 against roughly 4,500 townsmen.", "comparison"),
 ("paraphrase", "How did the battle end?", "After six hours, Albrecht pulled his army back.", "withdrew"),
 ("inference", "How many more men did Albrecht have than the townsmen?", "About 1,500 more.", "6000-4500"),
 ("swapped_entity", "Who withdrew after the battle?", "Maren withdrew after six hours of fighting.", "Albrecht withdrew"),
 ("changed_number", "How long did the fighting last?", "Albrecht withdrew after sixteen hours of fighting.", "six"),
 ("date_shift", "When was the memorial stone placed?", "In 1773.", "1873"),
 ("negation", "Did the victory secure Maren's independence?", "No, Maren lost its independence after the battle.", "secured"),
 ("wrong_causal", "Why was a memorial stone placed at the ford?", "Because Albrecht's army was blocked by the fortified far bank.", "passage: 300th anniversary"),
 ("extra_claim", "How large was Albrecht's army?", "About 6,000 men, most of them hired mercenaries.", "mercenaries not stated"),
])
P("news", """Fernholm's main hospital will open a new emergency department in March after a three-year building project costing 48 million euros. The department will have 36 treatment bays, up from 20 in the current unit, and a separate paediatric waiting area. Hospital director Sven Aaltonen said average waiting times, now around four hours at peak periods, should fall once the new unit is staffed. The hospital plans to hire 60 additional nurses and 12 doctors. Unions welcomed the expansion but warned that recruitment had been difficult in the past year.""", [
 ("verbatim", "How many treatment bays will the new department have?", "36 treatment bays.", "verbatim"),
 ("inference", "How many more treatment bays will there be than now?", "16 more.", "36-20"),
 ("inference", "How many new staff does the hospital plan to hire in total?", "72: 60 nurses and 12 doctors.", "sum"),
 ("pronoun", "What did the director say about waiting times?", "Sven Aaltonen said peak waiting times of about four hours should fall once the new unit is staffed.", "stated"),
 ("changed_number", "How much did the project cost?", "84 million euros.", "48"),
 ("entity_mixing", "How many doctors will be hired?", "60 doctors.", "60 nurses, 12 doctors"),
 ("overgeneralisation", "What will happen to waiting times?", "Waiting times will be eliminated as soon as the unit opens.", "should fall once staffed"),
 ("negation", "Did the unions welcome the expansion?", "No, the unions opposed the expansion.", "welcomed"),
 ("wrong_causal", "Why has recruitment been difficult?", "Because the new department has 36 treatment bays.", "no cause given"),
 ("vague_nonanswer", "When will the new department open?", "No opening date has been announced.", "March stated"),
])
P("technical manual", """Printer maintenance guide, model Inkra 770. The print head should be cleaned when printouts show streaks or missing lines. Open the Maintenance menu, select Head Cleaning, and wait about 2 minutes while the cycle runs; do not switch off the printer during cleaning. Each cycle uses a small amount of ink, so run no more than three cycles in a row. If quality does not improve after three cycles, leave the printer switched on for at least 6 hours and then try once more. The waste ink pad has a rated life of about 30,000 pages and must be replaced by an authorised service centre.""", [
 ("verbatim", "When should the print head be cleaned?", "When printouts show streaks or missing lines.", "verbatim"),
 ("paraphrase", "Why should I limit cleaning cycles?", "Because every cycle consumes some ink; the guide says at most three in a row.", "paraphrase"),
 ("number_format", "How long does a cleaning cycle take?", "Around 120 seconds.", "2 min"),
 ("verbatim", "Who must replace the waste ink pad?", "An authorised service centre.", "stated"),
 ("changed_number", "How many cleaning cycles can be run in a row?", "Run no more than five cycles in a row.", "three"),
 ("wrong_unit", "How long should the printer rest if quality does not improve?", "At least 6 minutes.", "hours"),
 ("negation", "Can I switch the printer off during cleaning?", "Yes, you can switch it off during cleaning.", "do not"),
 ("overgeneralisation", "Can users replace the waste ink pad?", "Yes, any user can replace it at home.", "authorised service centre only"),
 ("extra_claim", "What is the rated life of the waste ink pad?", "About 30,000 pages, after which the printer stops printing entirely.", "stops printing not stated"),
 ("world_knowledge", "What is the waste ink pad for?", "It absorbs the ink flushed out during head cleaning.", "plausible but not stated"),
])
P("policy document", """Greywater Housing Association - pets policy. Tenants may keep up to two cats or one dog in houses with private gardens, provided they notify the association in writing. Tenants in flats may keep one cat but no dogs, except for assistance dogs, which are always permitted. Small caged animals such as hamsters and fish are allowed in all properties without notification. Tenants are responsible for any damage caused by their animals. Permission may be withdrawn if an animal causes repeated nuisance to neighbours, after one written warning.""", [
 ("paraphrase", "Can tenants in flats keep dogs?", "No, apart from assistance dogs, which are always allowed.", "paraphrase"),
 ("verbatim", "Who is responsible for damage caused by pets?", "Tenants are responsible for any damage caused by their animals.", "verbatim"),
 ("number_format", "How many cats may a tenant in a house with a private garden keep?", "Two cats at most.", "up to two"),
 ("summary", "What are the rules for small caged animals and assistance dogs?", "Small caged animals are allowed everywhere without notification, and assistance dogs are always permitted.", "two rules combined"),
 ("changed_number", "How many cats may a flat tenant keep?", "Up to two cats.", "one cat"),
 ("swapped_entity", "Which animals may tenants in flats keep?", "Tenants in flats may keep one dog but no cats.", "swapped cat/dog"),
 ("negation", "Do tenants need to notify the association about hamsters?", "Yes, written notification is required for hamsters.", "without notification"),
 ("overgeneralisation", "Can permission be withdrawn?", "Permission is withdrawn immediately after any single complaint.", "repeated nuisance, after warning"),
 ("extra_claim", "What must house tenants do to keep a dog?", "Notify the association in writing and pay a pet deposit.", "deposit not stated"),
 ("vague_nonanswer", "Are assistance dogs allowed in flats?", "The policy does not mention assistance dogs.", "it does"),
])
P("product FAQ", """Q: What does the Solvi home battery do? A: The Solvi stores electricity from your solar panels so you can use it in the evening or during a power cut. Q: How much energy can it store? A: One Solvi unit stores 10 kWh, and up to three units can be linked for 30 kWh. Q: How long is the warranty? A: The warranty covers 10 years or 6,000 full charge cycles, whichever comes first, and guarantees at least 70% of the original capacity at the end of that period. Q: Can it be installed outdoors? A: Yes, the enclosure is rated IP65, but it must be kept out of direct sunlight.""", [
 ("verbatim", "How much energy does one unit store?", "One Solvi unit stores 10 kWh.", "verbatim"),
 ("paraphrase", "What is the most energy a linked Solvi system can store?", "30 kWh, with three units linked.", "stated/derivable"),
 ("number_format", "What capacity is guaranteed at the end of the warranty?", "At least seven tenths of the original capacity.", "70% = seven tenths"),
 ("paraphrase", "What is the battery for?", "It keeps power from solar panels for use in the evening or when the grid goes down.", "paraphrase"),
 ("changed_number", "How many full charge cycles does the warranty cover?", "8,000 full charge cycles.", "6,000"),
 ("wrong_unit", "How much energy does one unit store?", "One Solvi unit stores 10 kW.", "kWh is energy; kW is power"),
 ("overgeneralisation", "Can it be installed outdoors?", "Yes, it can be installed anywhere outdoors, including in full sun.", "must avoid direct sunlight"),
 ("entity_mixing", "How long is the warranty?", "10 years or 30 kWh, whichever comes first.", "mixes storage figure"),
 ("negation", "Can the Solvi be installed outdoors?", "No, the Solvi cannot be installed outdoors.", "yes"),
 ("world_knowledge", "Does the Solvi qualify for a government subsidy?", "Yes, it qualifies for the national home battery subsidy.", "not stated"),
])
P("encyclopedic", """Brennic is a Finno-Ugric-style constructed language created in 1907 by the linguist Hedda Sallin for use in her novels. It has 22 consonants and 8 vowels, and nouns are inflected for 11 grammatical cases. Unlike most natural languages, Brennic has no irregular verbs. A small community of enthusiasts began using Brennic in correspondence in the 1920s, and a dictionary of about 14,000 words was published in 1938. Today an estimated 200 people can speak it fluently. Sallin's original notebooks are kept in the national library in Orvik.""", [
 ("verbatim", "How many grammatical cases do Brennic nouns have?", "Nouns are inflected for 11 grammatical cases.", "verbatim"),
 ("inference", "How many consonants and vowels does Brennic have altogether?", "30 in total: 22 consonants and 8 vowels.", "sum"),
 ("pronoun", "Where are the creator's original notebooks kept?", "Hedda Sallin's notebooks are in the national library in Orvik.", "resolve Sallin's"),
 ("number_format", "How many people speak it fluently?", "Roughly two hundred people.", "200"),
 ("changed_number", "How many vowels does Brennic have?", "It has 11 vowels.", "8; 11 is cases"),
 ("date_shift", "When was the dictionary published?", "In 1928.", "1938"),
 ("negation", "Does Brennic have irregular verbs?", "Yes, like most natural languages, Brennic has irregular verbs.", "no irregular verbs"),
 ("wrong_causal", "Why does Brennic have no irregular verbs?", "Because a community of enthusiasts used it in correspondence in the 1920s.", "not a stated cause"),
 ("extra_claim", "Why was Brennic created?", "For use in Sallin's novels, which were later translated into six languages.", "translations not stated"),
 ("wrong_question", "When was Brennic created?", "A dictionary of about 14,000 words was published in 1938.", "answers different question"),
])
P("news", """The central bank of Vessland left its main interest rate unchanged at 3.75 percent on Wednesday, the third consecutive meeting without a change. Governor Anika Strom said inflation had fallen to 2.9 percent in October from 4.1 percent in June but remained above the bank's 2 percent target. Five of the seven board members voted to hold rates, while two favoured a cut of 0.25 percentage points. Economists surveyed by the newspaper Dagspost expect the first cut in February. The national currency, the krona, weakened slightly after the announcement.""", [
 ("verbatim", "What is the main interest rate?", "3.75 percent.", "verbatim"),
 ("inference", "By how many percentage points did inflation fall between June and October?", "1.2 percentage points.", "4.1-2.9"),
 ("inference", "How far above target was inflation in October?", "0.9 percentage points above the 2 percent target.", "2.9-2"),
 ("paraphrase", "How did the board vote?", "Two members wanted a quarter-point cut, and the other five backed holding rates.", "paraphrase, 0.25 = quarter"),
 ("changed_number", "How many board members voted to hold rates?", "Four of the seven board members voted to hold rates.", "five"),
 ("negation", "Is inflation below the bank's target?", "Yes, inflation is below the 2 percent target.", "above"),
 ("date_shift", "When do economists expect the first cut?", "Economists expect the first cut in January.", "February"),
 ("swapped_entity", "What did the krona do after the announcement?", "The krona strengthened slightly.", "weakened"),
 ("wrong_causal", "Why did two members favour a cut?", "Because the krona weakened slightly after the announcement.", "weakening came after; no reason stated"),
 ("overgeneralisation", "What will the bank do in February?", "The bank will cut rates in February.", "economists expect; not certain"),
])
P("technical manual", """Safety instructions for the Brask CS-40 chainsaw. Always wear a helmet with face shield, ear protection, cut-resistant trousers and safety boots. Before starting, check that the chain brake works and that the chain tension is correct: the chain should move freely by hand but not sag below the guide bar. Use a fuel mixture of petrol and two-stroke oil at a ratio of 50:1. Never operate the saw above shoulder height. Refuel only when the engine is cold and at least 3 metres from where you will start the saw. The chain should be sharpened after every 2 to 3 hours of use.""", [
 ("verbatim", "What fuel ratio should be used?", "A petrol and two-stroke oil ratio of 50:1.", "verbatim"),
 ("paraphrase", "How tight should the chain be?", "Tight enough not to hang below the bar but loose enough to pull round by hand.", "paraphrase"),
 ("number_format", "How far from the starting spot should I refuel?", "At least three metres away.", "3 m = three metres"),
 ("summary", "What must be checked before starting?", "That the chain brake works and the chain tension is correct.", "combination"),
 ("changed_number", "What fuel ratio is recommended?", "Use a fuel mixture of petrol and two-stroke oil at a ratio of 25:1.", "50:1"),
 ("wrong_unit", "How far from the start point should refuelling take place?", "At least 3 feet.", "metres"),
 ("negation", "Can I operate the saw above shoulder height?", "Yes, operating the saw above shoulder height is allowed.", "never"),
 ("extra_claim", "When should the chain be sharpened?", "After every 2 to 3 hours of use, using a 4 mm round file.", "file size not stated"),
 ("overgeneralisation", "When can I refuel?", "You can refuel whenever the engine is running low.", "only when cold"),
 ("vague_nonanswer", "What protective equipment is needed?", "That depends on local regulations.", "list stated"),
])
P("scientific abstract", """Honeybee colony losses over winter are a concern for beekeepers. We monitored 320 colonies in 41 apiaries across the Tessen region between October 2022 and March 2023. Overall winter loss was 17 percent. Colonies treated for varroa mites before the end of August had a loss rate of 9 percent, compared with 26 percent for colonies treated later or not at all. Apiary altitude and hive type were not associated with losses. These observational data suggest that early varroa treatment is associated with better winter survival, but they cannot establish causation.""", [
 ("verbatim", "What was the overall winter loss?", "Overall winter loss was 17 percent.", "verbatim"),
 ("inference", "How much lower was the loss rate for early-treated colonies than for the others?", "17 percentage points lower (9 percent versus 26 percent).", "26-9"),
 ("paraphrase", "Were altitude or hive type linked to losses?", "No, neither the altitude of the apiary nor the type of hive was associated with losses.", "paraphrase"),
 ("number_format", "How many apiaries were included?", "Forty-one.", "41"),
 ("overgeneralisation", "What does the study show about varroa treatment?", "It proves that early varroa treatment causes better winter survival.", "cannot establish causation"),
 ("wrong_causal", "Why did early-treated colonies survive better?", "Because they were kept at higher altitudes.", "altitude not associated"),
 ("changed_number", "How many colonies were monitored?", "230 colonies.", "320"),
 ("entity_mixing", "What was the loss rate for early-treated colonies?", "26 percent.", "26 is late/untreated"),
 ("date_shift", "When did monitoring take place?", "Between October 2021 and March 2022.", "2022-2023"),
 ("swapped_entity", "By when did colonies need to be treated to count as early?", "Before the end of October.", "end of August"),
])
P("policy document", """City of Aldmere parking regulations for residential zones. Residents may apply for one parking permit per vehicle, up to a maximum of two permits per household. An annual permit costs 80 euros for the first vehicle and 150 euros for the second. Electric vehicles receive a 50 percent discount. Visitor permits can be bought in books of ten for 15 euros; each is valid for one day. Vehicles without a valid permit may park for up to two hours between 8:00 and 18:00 on weekdays. Outside these hours and at weekends, parking is unrestricted.""", [
 ("verbatim", "How much does a book of visitor permits cost?", "15 euros for a book of ten.", "verbatim"),
 ("inference", "How much does an annual permit for a first electric vehicle cost?", "40 euros.", "80 x 50%"),
 ("inference", "What is the total annual cost for two petrol cars in one household?", "230 euros.", "80+150"),
 ("number_format", "What is the discount for electric vehicles?", "Half the price.", "50% = half"),
 ("changed_number", "How much is the permit for a second vehicle?", "180 euros.", "150"),
 ("overgeneralisation", "Can a household get permits for all its cars?", "Yes, one permit for every vehicle the household owns.", "max two"),
 ("negation", "Is weekend parking restricted?", "Yes, parking is restricted at weekends.", "unrestricted"),
 ("date_shift", "When are the two-hour limits in force?", "Between 8:00 and 18:00 on weekdays and Saturdays.", "weekdays only"),
 ("entity_mixing", "How long is each visitor permit valid?", "Each visitor permit is valid for two hours.", "one day; two hours is non-permit limit"),
 ("world_knowledge", "What is the fine for parking without a permit?", "The standard fine is 35 euros.", "not stated"),
])
P("product FAQ", """Q: What is included in the Tessla Kids tablet? A: The box contains the 8-inch tablet, a shock-resistant silicone case, a USB-C charger and a quick-start guide. Q: What age is it for? A: It is designed for children aged 3 to 9. Q: Are there parental controls? A: Yes. Parents can set daily screen-time limits, approve apps before they are installed, and view a weekly activity report. Q: Does it have ads? A: No, the Tessla Kids store contains no advertising and no in-app purchases. Q: What if it breaks? A: Accidental damage is covered for two years; we will replace the tablet once during that period.""", [
 ("verbatim", "What age is the tablet designed for?", "Children aged 3 to 9.", "verbatim"),
 ("paraphrase", "What can parents do with the controls?", "Limit daily screen time, approve apps before they install, and see a weekly report of activity.", "paraphrase"),
 ("number_format", "How long is accidental damage covered?", "24 months.", "two years"),
 ("paraphrase", "How many times will the tablet be replaced during the cover period?", "Once.", "stated"),
 ("changed_number", "What is the screen size?", "The box contains the 10-inch tablet.", "8-inch"),
 ("negation", "Does the Tessla Kids store contain in-app purchases?", "Yes, the store contains in-app purchases.", "no"),
 ("overgeneralisation", "What happens if it breaks?", "Tessla will replace it as many times as needed for two years.", "once"),
 ("extra_claim", "What is in the box?", "The tablet, a silicone case, a USB-C charger, a quick-start guide and a pair of headphones.", "headphones not stated"),
 ("swapped_entity", "What kind of charger is included?", "A micro-USB charger.", "USB-C"),
 ("vague_nonanswer", "Does the tablet have ads?", "It may show some ads depending on the app.", "no advertising"),
])
P("encyclopedic", """Mount Tervik is a dormant stratovolcano in the Aalen range, rising to 3,418 metres. Its last confirmed eruption occurred in 1791, when lava flows destroyed two villages on the western slope. The summit crater is about 700 metres wide and contains a small acidic lake. Fumaroles on the north flank still emit sulphurous gases. The mountain was first climbed in 1868 by a party led by the surveyor Jonas Kreeg. A seismic monitoring network was installed in 1985, and the volcano is currently rated at the lowest alert level.""", [
 ("verbatim", "How high is Mount Tervik?", "It rises to 3,418 metres.", "verbatim"),
 ("number_format", "How wide is the summit crater?", "About 0.7 kilometres.", "700 m"),
 ("inference", "How many years passed between the last eruption and the first ascent?", "77 years (1791 to 1868).", "1868-1791"),
 ("verbatim", "Who led the first ascent?", "The surveyor Jonas Kreeg.", "stated"),
 ("changed_number", "How high is Mount Tervik?", "3,481 metres.", "3,418"),
 ("swapped_entity", "Where do fumaroles emit gases?", "On the western slope.", "north flank"),
 ("date_shift", "When was the monitoring network installed?", "A seismic monitoring network was installed in 1958.", "1985"),
 ("negation", "Is the volcano at a high alert level?", "Yes, the volcano is at the highest alert level.", "lowest"),
 ("wrong_causal", "Why was a seismic monitoring network installed?", "Because the volcano was first climbed in 1868.", "no causal link"),
 ("world_knowledge", "When is Mount Tervik expected to erupt next?", "Volcanologists expect an eruption within the next 50 years.", "not stated"),
])
P("news", """A new high-speed rail line between Dunmore and Castlebridge opened to passengers on Friday, cutting the fastest journey time from 2 hours 15 minutes to 58 minutes. Trains will run every 30 minutes from 6:00 to 23:00. The 182-kilometre line includes 9 kilometres of tunnels and a 1.2-kilometre viaduct over the Arran estuary. The project was completed eight months late and 12 percent over its original budget of 5 billion euros. Operator RailNord said tickets booked at least a week ahead would cost from 19 euros.""", [
 ("verbatim", "How often will trains run?", "Every 30 minutes from 6:00 to 23:00.", "verbatim"),
 ("inference", "By how much has the fastest journey time been cut?", "By 1 hour 17 minutes (77 minutes).", "135-58"),
 ("number_format", "How long is the viaduct?", "1,200 metres.", "1.2 km"),
 ("inference", "What did the project cost in the end?", "About 5.6 billion euros (12 percent over a 5-billion budget).", "5 x 1.12"),
 ("changed_number", "How long is the line?", "128 kilometres.", "182"),
 ("wrong_unit", "How long are the tunnels?", "The line includes 9 miles of tunnels.", "km"),
 ("swapped_entity", "What does the viaduct cross?", "The viaduct crosses the Dunmore estuary.", "Arran estuary"),
 ("negation", "Was the project completed on time?", "Yes, the project was completed on time and on budget.", "eight months late, over budget"),
 ("date_shift", "How late was the project?", "The project was completed eighteen months late.", "eight months"),
 ("overgeneralisation", "How much do tickets cost?", "All tickets cost 19 euros.", "from 19 euros, booked a week ahead"),
])
P("scientific abstract", """Objective: To assess whether a smartphone reminder app improves adherence to blood pressure medication. Design: Six-month randomised controlled trial in 18 primary care clinics. Participants: 540 adults with hypertension taking at least one daily medication. Intervention: Daily app reminders versus usual care. Results: Adherence, measured by pharmacy refill records, was 81 percent in the app group and 72 percent in the usual-care group. Mean systolic blood pressure fell by 6 mmHg in the app group and 3 mmHg in the usual-care group. Conclusions: Reminder apps were associated with modest improvements in adherence and blood pressure; effects beyond six months are unknown.""", [
 ("verbatim", "How many clinics took part?", "18 primary care clinics.", "verbatim"),
 ("inference", "How many percentage points higher was adherence in the app group?", "9 percentage points higher.", "81-72"),
 ("paraphrase", "How was adherence measured?", "Using records of pharmacy refills.", "paraphrase"),
 ("number_format", "How long did the trial last?", "Half a year.", "six months"),
 ("entity_mixing", "What was adherence in the usual-care group?", "81 percent.", "81 is app group"),
 ("changed_number", "How much did systolic pressure fall in the app group?", "By 9 mmHg.", "6"),
 ("overgeneralisation", "What do the results show about long-term effects?", "The app keeps blood pressure lower for years.", "beyond six months unknown"),
 ("wrong_unit", "How much did systolic blood pressure fall in the usual-care group?", "By 3 percent.", "mmHg"),
 ("extra_claim", "Who took part?", "540 adults with hypertension, most of them over 65.", "age not stated"),
 ("vague_nonanswer", "Did the app improve adherence?", "The study could not determine any effect on adherence.", "81 vs 72"),
])
P("encyclopedic", """Isaak Morrow and his sister Lene founded the Morrow Glassworks in the town of Pellin in 1846. He managed the furnaces, while she designed most of the early patterns, including the well-known "Frost Leaf" goblet. The works employed 40 people by 1860 and over 300 by 1900. After Isaak died in 1881, Lene ran the company alone for nineteen years. She introduced coloured glass in 1885, which soon accounted for a third of sales. The glassworks closed in 1967, and its main hall now houses a museum.""", [
 ("pronoun", "Who designed the Frost Leaf goblet?", "Lene Morrow, Isaak's sister.", "'she' resolved to Lene"),
 ("pronoun", "What did Isaak Morrow manage at the glassworks?", "The furnaces.", "'He' resolved to Isaak"),
 ("inference", "Until about what year did Lene run the company alone?", "Until about 1900 (nineteen years after 1881).", "1881+19"),
 ("summary", "How did the workforce grow?", "From 40 employees in 1860 to more than 300 by 1900.", "combines two figures"),
 ("number_format", "What share of sales did coloured glass soon reach?", "About 33 percent, a third of sales.", "a third"),
 ("swapped_entity", "Who introduced coloured glass?", "Isaak Morrow introduced coloured glass in 1885.", "Isaak died 1881; Lene introduced"),
 ("date_shift", "When did the glassworks close?", "The glassworks closed in 1976, and its main hall now houses a museum.", "1967"),
 ("wrong_causal", "Why did Lene run the company alone?", "Because coloured glass accounted for a third of sales.", "she ran it after Isaak died"),
 ("wrong_question", "What is the main hall used for today?", "The glassworks closed in 1967.", "answers when it closed"),
 ("world_knowledge", "What technique was used to make the Frost Leaf goblet?", "It was mouth-blown and acid-etched.", "not stated"),
 ("entity_mixing", "What happened in 1881?", "Lene died in 1881 and Isaak ran the company alone.", "reversed persons"),
])
P("news", """Forecasters at the Skarn Weather Service have issued an orange warning for heavy snow across the northern highlands from Thursday evening until Saturday morning. Up to 40 centimetres of snow is expected above 500 metres, with 10 to 15 centimetres in lower valleys. Strong easterly winds could cause drifting and close mountain passes. The service said the Harl Pass was likely to close on Friday. Schools in the Vinter district have already announced they will stay shut on Friday. Drivers are advised to carry blankets, water and a charged phone.""", [
 ("pronoun", "What did the service say about the Harl Pass?", "The Skarn Weather Service said it was likely to close on Friday.", "'The service' resolved"),
 ("summary", "What is expected and what have schools done?", "Up to 40 cm of snow above 500 m is expected, and Vinter district schools will be closed on Friday.", "two sentences"),
 ("number_format", "How much snow is expected above 500 metres?", "Up to 0.4 metres.", "40 cm"),
 ("paraphrase", "What should drivers take with them?", "A charged phone, water and blankets.", "reordered list"),
 ("changed_number", "How much snow is expected in lower valleys?", "20 to 25 centimetres.", "10 to 15"),
 ("wrong_unit", "How much snow is expected above 500 metres?", "Up to 40 inches.", "centimetres"),
 ("swapped_entity", "From which direction will the strong winds blow?", "From the west.", "easterly"),
 ("overgeneralisation", "Will the Harl Pass close?", "Yes, the Harl Pass and all mountain passes will close on Friday.", "likely; could close"),
 ("date_shift", "Until when does the warning last?", "The orange warning for heavy snow lasts until Sunday morning.", "Saturday morning"),
 ("wrong_causal", "Why will the Vinter schools stay shut?", "Because drivers are advised to carry blankets and water.", "no reason stated"),
 ("vague_nonanswer", "How long does the warning last?", "The forecasters did not say how long the warning would last.", "Thursday evening to Saturday morning stated"),
])
P("technical manual", """Calibrating the Vireo BX scale. The scale must be calibrated after it has been moved to a new location and at least once every six months. Place the scale on a firm, level surface and switch it on. Wait for the display to show 0.00. Press and hold the CAL key for three seconds; the display will show "5000". Place a 5 kg calibration weight in the centre of the platform. When the display shows "PASS", remove the weight. If it shows "FAIL", check that the surface is level and repeat. The scale's capacity is 6 kg with a resolution of 0.1 g.""", [
 ("pronoun", "What should I do when it shows PASS?", "Take the calibration weight off the platform.", "'it' = display"),
 ("number_format", "What calibration weight is needed?", "A 5,000-gram weight.", "5 kg"),
 ("summary", "When must the scale be calibrated?", "After being moved to a new location and at least every six months.", "condition list"),
 ("inference", "How much heavier than the calibration weight can a load be, at most?", "1 kg heavier (capacity 6 kg versus the 5 kg weight).", "6-5"),
 ("changed_number", "How long should the CAL key be held?", "Press and hold the CAL key for five seconds; the display will show 5000.", "three"),
 ("wrong_unit", "What is the scale's resolution?", "0.1 kg.", "0.1 g"),
 ("negation", "Where should the calibration weight be placed?", "Off the centre of the platform, near the edge.", "centre"),
 ("wrong_question", "What should I do if the display shows FAIL?", "When the display shows PASS, remove the weight.", "answers PASS case"),
 ("extra_claim", "What is the scale's capacity?", "6 kg, and it is certified for trade use.", "certification not stated"),
 ("world_knowledge", "Why is levelling the scale important?", "Because a tilted load cell measures only part of the weight's force.", "explanation not stated"),
])
P("scientific abstract", """Microplastic concentrations were measured in surface water at 25 sampling stations along the Linden River, from its source to the estuary, in spring 2024. Mean concentration increased from 0.8 particles per litre near the source to 5.6 particles per litre at the estuary. The highest single value, 9.1 particles per litre, was recorded just downstream of the Halbe wastewater plant. Fibres were the most common particle type, making up 63 percent of all particles. The authors note that the sampling covered only one season and that concentrations may vary with river flow.""", [
 ("pronoun", "What do the authors note about the sampling?", "That it covered only one season, and concentrations may vary with river flow.", "'the authors' resolved"),
 ("inference", "How many times higher was the mean concentration at the estuary than near the source?", "Seven times higher (5.6 versus 0.8 particles per litre).", "5.6/0.8=7"),
 ("number_format", "What proportion of particles were fibres?", "Sixty-three per cent.", "63 percent"),
 ("summary", "Where were concentrations lowest and highest?", "Lowest near the source (mean 0.8 per litre); the single highest value, 9.1 per litre, was just downstream of the Halbe wastewater plant.", "two sentences"),
 ("wrong_causal", "Why were fibres the most common particle type?", "Because the Halbe wastewater plant releases them.", "no causal attribution stated"),
 ("entity_mixing", "What was the mean concentration at the estuary?", "9.1 particles per litre.", "9.1 is single highest value"),
 ("changed_number", "How many sampling stations were used?", "52 stations.", "25"),
 ("overgeneralisation", "What does the study show about concentrations?", "Concentrations are always highest downstream of wastewater plants in every river.", "one river, one season"),
 ("date_shift", "When were the measurements made?", "Microplastic concentrations were measured in surface water in autumn 2024.", "spring 2024"),
 ("world_knowledge", "What is the main source of microplastic fibres?", "Synthetic clothing shed during washing.", "not stated"),
])
P("policy document", """Data retention policy of Calder Insurance. Customer records are kept for seven years after a policy ends, to meet legal and regulatory requirements. Recorded phone calls are deleted after 18 months unless they relate to an open complaint, in which case they are kept until the complaint is closed. Website analytics data is anonymised after 26 months. Job applicants' details are deleted six months after the recruitment process ends, unless the applicant agrees to longer storage. Customers may request a copy of their data at any time; the company will respond within one month.""", [
 ("pronoun", "How quickly will the company respond to a data copy request?", "Calder Insurance will respond within one month.", "'the company' resolved"),
 ("number_format", "How long are recorded phone calls kept?", "A year and a half, unless linked to an open complaint.", "18 months"),
 ("inference", "Which is kept longer, recorded calls or website analytics before anonymisation?", "Website analytics data (26 months versus 18 months for calls).", "comparison"),
 ("paraphrase", "Why are customer records kept for seven years?", "To satisfy legal and regulatory requirements.", "paraphrase"),
 ("changed_number", "How long are customer records kept after a policy ends?", "Customer records are kept for ten years after a policy ends.", "seven"),
 ("entity_mixing", "When are job applicants' details deleted?", "18 months after the recruitment process ends.", "six months; 18 is calls"),
 ("negation", "Can customers request a copy of their data at any time?", "No, customers cannot request a copy of their data at any time.", "they can"),
 ("extra_claim", "What happens to recorded calls linked to an open complaint?", "They are kept until the complaint is closed and then for another year.", "extra year not stated"),
 ("wrong_question", "How long are recorded phone calls kept?", "Website analytics data is anonymised after 26 months.", "different question"),
 ("vague_nonanswer", "What happens to website analytics data?", "It varies by browser and device.", "anonymised after 26 months"),
])

def build():
    rows = []
    for genre, source, items in PASSAGES:
        n = len(source.split())
        assert 60 <= n <= 200, (n, source[:40])
        for kind, q, a, note in items:
            assert kind in SUP or kind in UNS, kind
            rows.append({"source": source, "question": q, "answer": a,
                         "supported": kind in SUP, "kind": kind,
                         "note": f"[{genre}] {note}"})
    for i, r in enumerate(rows, 1):
        r_id = f"gh-{i:04d}"
        rows[i - 1] = {"id": r_id, **r}
    return rows

def main():
    here = os.path.dirname(os.path.abspath(__file__))
    rows = build()
    keys = set()
    for r in rows:
        k = (r["source"], r["question"], r["answer"])
        assert k not in keys, k
        keys.add(k)
    out = os.path.join(here, "grounding_heldout_2026-12-03.jsonl")
    with open(out, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    c = collections.Counter((r["kind"], r["supported"]) for r in rows)
    print("passages", len(PASSAGES), "rows", len(rows),
          "supported", sum(r["supported"] for r in rows))
    for (k, s), n in sorted(c.items(), key=lambda x: (not x[0][1], x[0][0])):
        print(f"{k}\t{s}\t{n}")

if __name__ == "__main__":
    main()
