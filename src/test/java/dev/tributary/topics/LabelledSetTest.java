package dev.tributary.topics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.cli.TopicsEvalCommand;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hand-labelled sets: the tagger must keep micro-F1 at 0.9 or better on the team's and the
 * held-out set, 0.92 on the second and third sets, 0.94 and 0.95 on the fourth, 0.92 and 0.91 on
 * the fifth and 0.91 on the sixth (the level reached, rounded down, at most 0.92), and tag no
 * off-domain article of any set.
 */
class LabelledSetTest {
  static final Path LABELLED = Path.of("src/test/resources/topics/labelled");
  private static final double MIN_MICRO_F1 = 0.9;

  static final Path HELD_OUT = Path.of("src/test/resources/topics/heldout");

  static final Path SHORT = Path.of("src/test/resources/topics/short");

  /**
   * A colleague's second sets, first scored after issue 12's first round; development sets since.
   */
  static final Path SHORT_B = Path.of("src/test/resources/topics/short-b");

  static final Path LONG_B = Path.of("src/test/resources/topics/long-b");

  /**
   * A colleague's third sets, first scored after issue 12's second round (short-c 0.918, one
   * off-domain item tagged; long-c 0.944, one tagged); development sets since.
   */
  static final Path SHORT_C = Path.of("src/test/resources/topics/short-c");

  static final Path LONG_C = Path.of("src/test/resources/topics/long-c");

  /**
   * A colleague's fourth sets, first scored on the tagger of issue 12's third round (short-d 0.886,
   * none of 12 off-domain tagged; long-d 0.884, one of 3 tagged): below issue 12's goal then, the
   * honest figures; after the fourth round's general vocabulary and senses 0.944 and 0.959,
   * development sets since.
   */
  static final Path SHORT_D = Path.of("src/test/resources/topics/short-d");

  static final Path LONG_D = Path.of("src/test/resources/topics/long-d");

  /**
   * Two more colleagues' sets, first scored on the tagger of issue 12's fourth round (short-e
   * 0.924, long-e 0.893 with 2 of 5 off-domain articles tagged; short-f 0.893 and long-f 0.889, 2
   * of 10 and 2 of 6 tagged), the honest figures; after round five's general senses, sense rule and
   * vocabulary 0.943, 0.911, 0.917 and 0.916 with no off-domain article tagged, development sets
   * since.
   */
  static final Path SHORT_E = Path.of("src/test/resources/topics/short-e");

  static final Path LONG_E = Path.of("src/test/resources/topics/long-e");

  static final Path SHORT_F = Path.of("src/test/resources/topics/short-f");

  static final Path LONG_F = Path.of("src/test/resources/topics/long-f");

  /**
   * A seventh colleague's sets, first scored on the tagger of issue 12's fifth round (short-g
   * 0.908, none of 10 off-domain items tagged; long-g 0.891, 2 of 5 tagged): the honest figures of
   * that round, not tuned to, no floor.
   */
  static final Path SHORT_G = Path.of("src/test/resources/topics/short-g");

  static final Path LONG_G = Path.of("src/test/resources/topics/long-g");

  /**
   * An eighth colleague's sets, first scored on the tagger as round five left it (short-h 0.903,
   * macro 0.918; long-h 0.957, macro 0.977; none of 19 off-domain items tagged): the honest
   * figures. After round six (an opening label is not the lead; placebo and receptors open the
   * context) 0.922 and 0.957, development sets since.
   */
  static final Path SHORT_H = Path.of("src/test/resources/topics/short-h");

  static final Path LONG_H = Path.of("src/test/resources/topics/long-h");

  /**
   * A ninth colleague's sets, first scored on the tagger as round six left it (short-i 0.900, macro
   * 0.844, none of 15 off-domain items tagged; long-i 0.920, macro 0.903, 2 of 4 off-domain
   * articles tagged): the honest figures. After round seven (the length's share of the saturation
   * derived from the longest feed item; a title read in another field decides the article; fault
   * tolerance and MDMA-assisted therapy) 0.914 and 0.941, development sets since.
   */
  static final Path SHORT_I = Path.of("src/test/resources/topics/short-i");

  static final Path LONG_I = Path.of("src/test/resources/topics/long-i");

  /**
   * A tenth colleague's sets, first scored on the tagger as round seven left it (short-j 0.942,
   * macro 0.944, none of 15 off-domain items tagged; long-j 0.935, macro 0.906, 1 of 4 off-domain
   * articles tagged: an economic history of the Long Depression): the honest figures. After round
   * eight (the economy's words are senses of depression) 0.942 and 0.945, development sets since.
   */
  static final Path SHORT_J = Path.of("src/test/resources/topics/short-j");

  static final Path LONG_J = Path.of("src/test/resources/topics/long-j");

  /**
   * An eleventh colleague's sets, first scored on the tagger as round eight left it (short-k 0.915,
   * macro 0.896, 3 of 15 off-domain items tagged; long-k 0.891, macro 0.910, none of 4): the honest
   * figures. After round nine ("dose" no longer opens the context gate) short-k 0.918 with 2 of 15
   * off-domain items tagged (a politician's constituency surgery, a footballer's knee surgery).
   */
  static final Path SHORT_K = Path.of("src/test/resources/topics/short-k");

  static final Path LONG_K = Path.of("src/test/resources/topics/long-k");

  /**
   * A twelfth and a thirteenth colleague's sets, both first scored on the tagger as round nine left
   * it: short-l 0.916 (macro 0.898), long-l 0.921 (0.917), short-m 0.894 (0.875), long-m 0.918
   * (0.916), one off-domain item tagged in each (a central bank's liquidity infusion, a rail line's
   * "chronic pain for commuters", a cricket club's "county trials" and "headache"): the honest
   * figures. After round ten (acute pain and money are senses, suicide prevention opens the
   * context, words joined by an underscore are apart) 0.944, 0.943, 0.920 and 0.938 with none
   * tagged, development sets since.
   */
  static final Path SHORT_L = Path.of("src/test/resources/topics/short-l");

  static final Path LONG_L = Path.of("src/test/resources/topics/long-l");

  static final Path SHORT_M = Path.of("src/test/resources/topics/short-m");

  static final Path LONG_M = Path.of("src/test/resources/topics/long-m");

  /**
   * A fourteenth and a fifteenth colleague's sets, first scored on the tagger as round eleven left
   * it: short-n 0.865 (macro 0.847, 4 of 15 off-domain items tagged), long-n 0.923 (0.917, none of
   * 4), short-o 0.910 (0.909, none of 15), long-o 0.842 (0.848, 1 of 4): the honest figures. After
   * round twelve (esketamine is the drug, not its route; recovery and research as people say them;
   * a seized jersey and a police dog are other fields) 0.893, 0.923, 0.932 and 0.898, development
   * sets since.
   */
  static final Path SHORT_N = Path.of("src/test/resources/topics/short-n");

  static final Path LONG_N = Path.of("src/test/resources/topics/long-n");

  static final Path SHORT_O = Path.of("src/test/resources/topics/short-o");

  static final Path LONG_O = Path.of("src/test/resources/topics/long-o");

  /**
   * A sixteenth and a seventeenth colleague's sets, told to judge the routes for themselves, first
   * scored on the tagger as round twelve left it: short-p 0.913 (macro 0.908), long-p 0.966
   * (0.954), short-q 0.878 (0.881), long-q 0.943 (0.949), none of their 38 off-domain items tagged:
   * the honest figures, the floors here.
   */
  static final Path SHORT_P = Path.of("src/test/resources/topics/short-p");

  static final Path LONG_P = Path.of("src/test/resources/topics/long-p");

  static final Path SHORT_Q = Path.of("src/test/resources/topics/short-q");

  static final Path LONG_Q = Path.of("src/test/resources/topics/long-q");

  /**
   * An eighteenth and a nineteenth colleague's sets, first scored on the tagger as round thirteen
   * left it: short-r 0.935 (macro 0.937), long-r 0.886 (0.862), short-s 0.929 (0.928), long-s 0.884
   * (0.887), one of 38 off-domain items tagged (a software team's "side effects", let in by
   * "dependency injection"): the honest figures, the floors here.
   */
  static final Path SHORT_R = Path.of("src/test/resources/topics/short-r");

  static final Path LONG_R = Path.of("src/test/resources/topics/long-r");

  static final Path SHORT_S = Path.of("src/test/resources/topics/short-s");

  static final Path LONG_S = Path.of("src/test/resources/topics/long-s");

  /**
   * A twentieth and a twenty-first colleague's sets, first scored on the tagger as round thirteen
   * left it: short-t 0.920 (macro 0.910), long-t 0.885 (0.858), short-u 0.954 (0.949), long-u 0.935
   * (0.946), three of 38 off-domain items tagged (a retailer's "chronic pain point", a pitcher's
   * "14-K" night, a neural network's loss of plasticity): the honest figures, the floors here.
   */
  static final Path SHORT_T = Path.of("src/test/resources/topics/short-t");

  static final Path LONG_T = Path.of("src/test/resources/topics/long-t");

  static final Path SHORT_U = Path.of("src/test/resources/topics/short-u");

  static final Path LONG_U = Path.of("src/test/resources/topics/long-u");

  /**
   * A twenty-second and a twenty-third colleague's sets, first scored on the tagger as round
   * fourteen left it: short-v 0.918 (macro 0.896), long-v 0.936 (0.948), short-w 0.935 (0.924),
   * long-w 0.913 (0.905), none of their 38 off-domain items tagged: the honest figures, the floors
   * here.
   */
  static final Path SHORT_V = Path.of("src/test/resources/topics/short-v");

  static final Path LONG_V = Path.of("src/test/resources/topics/long-v");

  static final Path SHORT_W = Path.of("src/test/resources/topics/short-w");

  static final Path LONG_W = Path.of("src/test/resources/topics/long-w");

  /**
   * A twenty-fourth and a twenty-fifth colleague's sets, first scored on the tagger as round
   * fifteen left it: short-x 0.945 (macro 0.924), long-x 0.911 (0.919), short-y 0.945 (0.932),
   * long-y 0.899 (0.907), six of 38 off-domain items tagged (a neural network's plasticity read as
   * research twice, an anaesthetised housing market and audience, an economic depression, a cook's
   * infusions): the honest figures, the floors here.
   */
  static final Path SHORT_X = Path.of("src/test/resources/topics/short-x");

  static final Path LONG_X = Path.of("src/test/resources/topics/long-x");

  static final Path SHORT_Y = Path.of("src/test/resources/topics/short-y");

  static final Path LONG_Y = Path.of("src/test/resources/topics/long-y");

  /**
   * A twenty-sixth and a twenty-seventh colleague's sets, first scored on the tagger as round
   * sixteen left it: short-z 0.918 (macro 0.913), long-z 0.897 (0.918), short-aa 0.936 (0.940),
   * long-aa 0.920 (0.928), four of 38 off-domain items tagged (three of long-z's four: a town's
   * "long depression", metals' plasticity, a pitcher's "14 K's"; a football trial in short-z): the
   * honest figures, the floors here.
   */
  static final Path SHORT_Z = Path.of("src/test/resources/topics/short-z");

  static final Path LONG_Z = Path.of("src/test/resources/topics/long-z");

  static final Path SHORT_AA = Path.of("src/test/resources/topics/short-aa");

  static final Path LONG_AA = Path.of("src/test/resources/topics/long-aa");

  /**
   * A twenty-eighth and a twenty-ninth colleague's sets, first scored on the tagger as round
   * seventeen left it: short-ab 0.930 (macro 0.917), long-ab 0.942 (0.951), short-ac 0.944 (0.929),
   * long-ac 0.863 (0.879), four of 38 off-domain items tagged (a football side's "chronic pain", a
   * brewer's "single-infusion mashing", a start-up's "rescue infusion", a bike frame's plasticity
   * and damage tolerance): the honest figures, the floors here.
   */
  static final Path SHORT_AB = Path.of("src/test/resources/topics/short-ab");

  static final Path LONG_AB = Path.of("src/test/resources/topics/long-ab");

  static final Path SHORT_AC = Path.of("src/test/resources/topics/short-ac");

  static final Path LONG_AC = Path.of("src/test/resources/topics/long-ac");

  /**
   * A thirtieth and a thirty-first colleague's sets, first scored on the tagger as round eighteen
   * left it: short-ad 0.923 (macro 0.918), long-ad 0.940 (0.942), short-ae 0.915 (0.906), long-ae
   * 0.914 (0.923), three of 38 off-domain items tagged: the honest figures, the floors here.
   */
  static final Path SHORT_AD = Path.of("src/test/resources/topics/short-ad");

  static final Path LONG_AD = Path.of("src/test/resources/topics/long-ad");

  static final Path SHORT_AE = Path.of("src/test/resources/topics/short-ae");

  static final Path LONG_AE = Path.of("src/test/resources/topics/long-ae");

  /**
   * A thirty-second and a thirty-third colleague's sets, first scored on the tagger as round
   * nineteen left it: short-af 0.919 (macro 0.929), long-af 0.860 (0.898), short-ag 0.930 (0.924),
   * long-ag 0.774 (0.805), none of their 38 off-domain items tagged: the honest figures, the floors
   * here.
   */
  static final Path SHORT_AF = Path.of("src/test/resources/topics/short-af");

  static final Path LONG_AF = Path.of("src/test/resources/topics/long-af");

  static final Path SHORT_AG = Path.of("src/test/resources/topics/short-ag");

  static final Path LONG_AG = Path.of("src/test/resources/topics/long-ag");

  /**
   * A thirty-fourth and a thirty-fifth colleague's sets, first scored on the tagger as round twenty
   * left it: short-ah 0.910 (macro 0.895), long-ah 0.925 (0.942), short-ai 0.921 (0.922), long-ai
   * 0.951 (0.955), none of their 38 off-domain items tagged: the honest figures, the floors here.
   */
  static final Path SHORT_AH = Path.of("src/test/resources/topics/short-ah");

  static final Path LONG_AH = Path.of("src/test/resources/topics/long-ah");

  static final Path SHORT_AI = Path.of("src/test/resources/topics/short-ai");

  static final Path LONG_AI = Path.of("src/test/resources/topics/long-ai");

  /**
   * A thirty-sixth and a thirty-seventh colleague's sets, first scored on the tagger as round
   * twenty-one left it: short-aj 0.936 (macro 0.927), long-aj 0.904 (0.922), short-ak 0.924
   * (0.912), long-ak 0.862 (0.782), one of their 38 off-domain items tagged (long-ak's): the honest
   * figures, the floors here.
   */
  static final Path SHORT_AJ = Path.of("src/test/resources/topics/short-aj");

  static final Path LONG_AJ = Path.of("src/test/resources/topics/long-aj");

  static final Path SHORT_AK = Path.of("src/test/resources/topics/short-ak");

  static final Path LONG_AK = Path.of("src/test/resources/topics/long-ak");

  /**
   * A thirty-eighth and a thirty-ninth colleague's sets, first scored on the tagger as round
   * twenty-two left it: short-al 0.928 (macro 0.931), long-al 0.889 (0.899), short-am 0.933
   * (0.937), long-am 0.870 (0.849), none of their 38 off-domain items tagged: the honest figures,
   * the floors here.
   */
  static final Path SHORT_AL = Path.of("src/test/resources/topics/short-al");

  static final Path LONG_AL = Path.of("src/test/resources/topics/long-al");

  static final Path SHORT_AM = Path.of("src/test/resources/topics/short-am");

  static final Path LONG_AM = Path.of("src/test/resources/topics/long-am");

  /**
   * A fortieth and a forty-first colleague's sets, first scored on the tagger as round twenty-three
   * left it: short-an 0.945 (macro 0.941), long-an 0.912 (0.916), short-ao 0.951 (0.954), long-ao
   * 0.911 (0.927), one of their 38 off-domain items tagged (long-ao's): the honest figures, the
   * floors here.
   */
  static final Path SHORT_AN = Path.of("src/test/resources/topics/short-an");

  static final Path LONG_AN = Path.of("src/test/resources/topics/long-an");

  static final Path SHORT_AO = Path.of("src/test/resources/topics/short-ao");

  static final Path LONG_AO = Path.of("src/test/resources/topics/long-ao");

  /**
   * A forty-second and a forty-third colleague's sets, first scored on the tagger as round
   * twenty-four left it: short-ap 0.932 (macro 0.896), long-ap 0.879 (0.860), short-aq 0.941
   * (0.928), long-aq 0.895 (0.894), two of their 38 off-domain items tagged (long-ap's and
   * short-aq's): the honest figures, the floors here.
   */
  static final Path SHORT_AP = Path.of("src/test/resources/topics/short-ap");

  static final Path LONG_AP = Path.of("src/test/resources/topics/long-ap");

  static final Path SHORT_AQ = Path.of("src/test/resources/topics/short-aq");

  static final Path LONG_AQ = Path.of("src/test/resources/topics/long-aq");

  /**
   * A forty-fourth and a forty-fifth colleague's sets, first scored on the tagger as round
   * twenty-five left it: short-ar 0.922 (macro 0.916), long-ar 0.899 (0.916), short-as 0.929
   * (0.921), long-as 0.919 (0.928), one of their 38 off-domain items tagged (long-as's): the honest
   * figures, the floors here.
   */
  static final Path SHORT_AR = Path.of("src/test/resources/topics/short-ar");

  static final Path LONG_AR = Path.of("src/test/resources/topics/long-ar");

  static final Path SHORT_AS = Path.of("src/test/resources/topics/short-as");

  static final Path LONG_AS = Path.of("src/test/resources/topics/long-as");

  /**
   * A forty-sixth and a forty-seventh colleague's sets, first scored on the tagger as round
   * twenty-six left it: short-at 0.940 (macro 0.918), long-at 0.950 (0.951), short-au 0.961
   * (0.960), long-au 0.944 (0.963), one of their 38 off-domain items tagged (long-at's): the honest
   * figures, the floors here.
   */
  static final Path SHORT_AT = Path.of("src/test/resources/topics/short-at");

  static final Path LONG_AT = Path.of("src/test/resources/topics/long-at");

  static final Path SHORT_AU = Path.of("src/test/resources/topics/short-au");

  static final Path LONG_AU = Path.of("src/test/resources/topics/long-au");

  /**
   * Four more colleagues' sets, first scored on the tagger as round twenty-six left it, under a
   * brief that asked for long articles in everyday words rather than the topics' names: short-av
   * 0.943 (macro 0.948), long-av 0.818 (0.748), short-aw 0.973 (0.971), long-aw 0.706 (0.646),
   * short-ax 0.961 (0.949), long-ax 0.714 (0.576), short-ay 0.910 (0.913), long-ay 0.831 (0.819),
   * one of their 76 off-domain items tagged (long-av's): the honest figures, the floors here.
   */
  static final Path SHORT_AV = Path.of("src/test/resources/topics/short-av");

  static final Path LONG_AV = Path.of("src/test/resources/topics/long-av");

  static final Path SHORT_AW = Path.of("src/test/resources/topics/short-aw");

  static final Path LONG_AW = Path.of("src/test/resources/topics/long-aw");

  static final Path SHORT_AX = Path.of("src/test/resources/topics/short-ax");

  static final Path LONG_AX = Path.of("src/test/resources/topics/long-ax");

  static final Path SHORT_AY = Path.of("src/test/resources/topics/short-ay");

  static final Path LONG_AY = Path.of("src/test/resources/topics/long-ay");

  /**
   * Four more colleagues' sets under the same brief, first scored on the tagger as round
   * twenty-seven left it: short-az 0.932 (macro 0.934), long-az 0.795 (0.683), short-ba 0.962
   * (0.958), long-ba 0.871 (0.817), short-bb 0.963 (0.964), long-bb 0.711 (0.601), short-bc 0.965
   * (0.969), long-bc 0.756 (0.654), one of their 76 off-domain items tagged (long-bb's): the honest
   * figures, the floors here.
   */
  static final Path SHORT_AZ = Path.of("src/test/resources/topics/short-az");

  static final Path LONG_AZ = Path.of("src/test/resources/topics/long-az");

  static final Path SHORT_BA = Path.of("src/test/resources/topics/short-ba");

  static final Path LONG_BA = Path.of("src/test/resources/topics/long-ba");

  static final Path SHORT_BB = Path.of("src/test/resources/topics/short-bb");

  static final Path LONG_BB = Path.of("src/test/resources/topics/long-bb");

  static final Path SHORT_BC = Path.of("src/test/resources/topics/short-bc");

  static final Path LONG_BC = Path.of("src/test/resources/topics/long-bc");

  /**
   * Four more colleagues' sets under the same brief, first scored on the tagger as round
   * twenty-eight left it: short-bd 0.969 (macro 0.974), long-bd 0.872 (0.798), short-be 0.940
   * (0.952), long-be 0.857 (0.801), short-bf 0.986 (0.983), long-bf 0.882 (0.795), short-bg 0.938
   * (0.949), long-bg 0.817 (0.791), one of their 76 off-domain items tagged (short-be's): the
   * honest figures, the floors here.
   */
  static final Path SHORT_BD = Path.of("src/test/resources/topics/short-bd");

  static final Path LONG_BD = Path.of("src/test/resources/topics/long-bd");

  static final Path SHORT_BE = Path.of("src/test/resources/topics/short-be");

  static final Path LONG_BE = Path.of("src/test/resources/topics/long-be");

  static final Path SHORT_BF = Path.of("src/test/resources/topics/short-bf");

  static final Path LONG_BF = Path.of("src/test/resources/topics/long-bf");

  static final Path SHORT_BG = Path.of("src/test/resources/topics/short-bg");

  static final Path LONG_BG = Path.of("src/test/resources/topics/long-bg");

  /**
   * Four more colleagues' sets under the same brief, first scored on the tagger as round thirty
   * left it: short-bh 0.953 (macro 0.954), long-bh 0.755 (0.623), short-bi 0.970 (0.975), long-bi
   * 0.835 (0.737), short-bj 0.981 (0.982), long-bj 0.882 (0.870), short-bk 0.943 (0.953), long-bk
   * 0.887 (0.788), three of their 76 off-domain items tagged (short-bh's, long-bh's and
   * short-bj's): the honest figures, the floors here.
   */
  static final Path SHORT_BH = Path.of("src/test/resources/topics/short-bh");

  static final Path LONG_BH = Path.of("src/test/resources/topics/long-bh");

  static final Path SHORT_BI = Path.of("src/test/resources/topics/short-bi");

  static final Path LONG_BI = Path.of("src/test/resources/topics/long-bi");

  static final Path SHORT_BJ = Path.of("src/test/resources/topics/short-bj");

  static final Path LONG_BJ = Path.of("src/test/resources/topics/long-bj");

  static final Path SHORT_BK = Path.of("src/test/resources/topics/short-bk");

  static final Path LONG_BK = Path.of("src/test/resources/topics/long-bk");

  /**
   * Four more colleagues' sets under the same brief, first scored on the tagger as round thirty-two
   * left it: short-bl 0.932 (macro 0.937), long-bl 0.850 (0.829), short-bm 0.957 (0.965), long-bm
   * 0.810 (0.742), short-bn 0.967 (0.973), long-bn 0.922 (0.891), short-bo 0.963 (0.958), long-bo
   * 0.830 (0.704), two of their 76 off-domain items tagged (short-bm's and long-bo's): the honest
   * figures, the floors here.
   */
  static final Path SHORT_BL = Path.of("src/test/resources/topics/short-bl");

  static final Path LONG_BL = Path.of("src/test/resources/topics/long-bl");

  static final Path SHORT_BM = Path.of("src/test/resources/topics/short-bm");

  static final Path LONG_BM = Path.of("src/test/resources/topics/long-bm");

  static final Path SHORT_BN = Path.of("src/test/resources/topics/short-bn");

  static final Path LONG_BN = Path.of("src/test/resources/topics/long-bn");

  static final Path SHORT_BO = Path.of("src/test/resources/topics/short-bo");

  static final Path LONG_BO = Path.of("src/test/resources/topics/long-bo");

  /**
   * Four more colleagues' sets under the same brief, first scored on the tagger as round
   * thirty-three left it: short-bp 0.952 (macro 0.963), long-bp 0.922 (0.849), short-bq 0.941
   * (0.949), long-bq 0.935 (0.888), short-br 0.970 (0.974), long-br 0.835 (0.784), short-bs 0.952
   * (0.938), long-bs 0.792 (0.775), one of their 76 off-domain items tagged (short-bs's): the
   * honest figures, the floors here.
   */
  static final Path SHORT_BP = Path.of("src/test/resources/topics/short-bp");

  static final Path LONG_BP = Path.of("src/test/resources/topics/long-bp");

  static final Path SHORT_BQ = Path.of("src/test/resources/topics/short-bq");

  static final Path LONG_BQ = Path.of("src/test/resources/topics/long-bq");

  static final Path SHORT_BR = Path.of("src/test/resources/topics/short-br");

  static final Path LONG_BR = Path.of("src/test/resources/topics/long-br");

  static final Path SHORT_BS = Path.of("src/test/resources/topics/short-bs");

  static final Path LONG_BS = Path.of("src/test/resources/topics/long-bs");

  /**
   * Four more colleagues' sets under the same brief, first scored on the tagger as round
   * thirty-four left it: short-bt 0.971 (macro 0.968), long-bt 0.903 (0.900), short-bu 0.957
   * (0.942), long-bu 0.841 (0.802), short-bv 0.947 (0.950), long-bv 0.763 (0.688), short-bw 0.949
   * (0.955), long-bw 0.821 (0.729), one of their 76 off-domain items tagged (short-bw's): the
   * honest figures, the floors here.
   */
  static final Path SHORT_BT = Path.of("src/test/resources/topics/short-bt");

  static final Path LONG_BT = Path.of("src/test/resources/topics/long-bt");

  static final Path SHORT_BU = Path.of("src/test/resources/topics/short-bu");

  static final Path LONG_BU = Path.of("src/test/resources/topics/long-bu");

  static final Path SHORT_BV = Path.of("src/test/resources/topics/short-bv");

  static final Path LONG_BV = Path.of("src/test/resources/topics/long-bv");

  static final Path SHORT_BW = Path.of("src/test/resources/topics/short-bw");

  static final Path LONG_BW = Path.of("src/test/resources/topics/long-bw");

  /**
   * Four more colleagues' sets under the same brief, first scored on the tagger as round thirty-six
   * left it: short-bx 0.966 (macro 0.965), long-bx 0.826 (0.769), short-by 0.950 (0.959), long-by
   * 0.893 (0.872), short-bz 0.957 (0.949), long-bz 0.909 (0.887), short-ca 0.952 (0.948), long-ca
   * 0.860 (0.790), one of their 76 off-domain items tagged (long-bz's): the honest figures, the
   * floors here.
   */
  static final Path SHORT_BX = Path.of("src/test/resources/topics/short-bx");

  static final Path LONG_BX = Path.of("src/test/resources/topics/long-bx");

  static final Path SHORT_BY = Path.of("src/test/resources/topics/short-by");

  static final Path LONG_BY = Path.of("src/test/resources/topics/long-by");

  static final Path SHORT_BZ = Path.of("src/test/resources/topics/short-bz");

  static final Path LONG_BZ = Path.of("src/test/resources/topics/long-bz");

  static final Path SHORT_CA = Path.of("src/test/resources/topics/short-ca");

  static final Path LONG_CA = Path.of("src/test/resources/topics/long-ca");

  /**
   * Four more colleagues' sets under the same brief, first scored on the tagger as round
   * thirty-seven left it: short-cb 0.890 (macro 0.885), long-cb 0.800 (0.732), short-cc 0.963
   * (0.965), long-cc 0.817 (0.786), short-cd 0.959 (0.965), long-cd 0.860 (0.826), short-ce 0.963
   * (0.966), long-ce 0.843 (0.808), one of their 76 off-domain items tagged (long-cc's): the honest
   * figures, the floors here.
   */
  static final Path SHORT_CB = Path.of("src/test/resources/topics/short-cb");

  static final Path LONG_CB = Path.of("src/test/resources/topics/long-cb");

  static final Path SHORT_CC = Path.of("src/test/resources/topics/short-cc");

  static final Path LONG_CC = Path.of("src/test/resources/topics/long-cc");

  static final Path SHORT_CD = Path.of("src/test/resources/topics/short-cd");

  static final Path LONG_CD = Path.of("src/test/resources/topics/long-cd");

  static final Path SHORT_CE = Path.of("src/test/resources/topics/short-ce");

  static final Path LONG_CE = Path.of("src/test/resources/topics/long-ce");

  /**
   * Four more colleagues' sets under the same brief, first scored on the tagger as round
   * thirty-eight left it: short-cf 0.947 (macro 0.957), long-cf 0.821 (0.734), short-cg 0.949
   * (0.947), long-cg 0.840 (0.748), short-ch 0.947 (0.952), long-ch 0.851 (0.809), short-ci 0.977
   * (0.979), long-ci 0.875 (0.868), three of their 76 off-domain items tagged (short-ci's,
   * long-cf's and long-cg's): the honest figures, the floors here.
   */
  static final Path SHORT_CF = Path.of("src/test/resources/topics/short-cf");

  static final Path LONG_CF = Path.of("src/test/resources/topics/long-cf");

  static final Path SHORT_CG = Path.of("src/test/resources/topics/short-cg");

  static final Path LONG_CG = Path.of("src/test/resources/topics/long-cg");

  static final Path SHORT_CH = Path.of("src/test/resources/topics/short-ch");

  static final Path LONG_CH = Path.of("src/test/resources/topics/long-ch");

  static final Path SHORT_CI = Path.of("src/test/resources/topics/short-ci");

  static final Path LONG_CI = Path.of("src/test/resources/topics/long-ci");

  /**
   * Four more colleagues' sets under the same brief, first scored on the tagger as round
   * thirty-nine left it: short-cj 0.952 (macro 0.957), long-cj 0.898 (0.889), short-ck 0.957
   * (0.957), long-ck 0.809 (0.724), short-cl 0.961 (0.963), long-cl 0.907 (0.843), short-cm 0.956
   * (0.953), long-cm 0.825 (0.785), two of their 76 off-domain items tagged (long-cj's and
   * long-cm's): the honest figures, the floors here.
   */
  static final Path SHORT_CJ = Path.of("src/test/resources/topics/short-cj");

  static final Path LONG_CJ = Path.of("src/test/resources/topics/long-cj");

  static final Path SHORT_CK = Path.of("src/test/resources/topics/short-ck");

  static final Path LONG_CK = Path.of("src/test/resources/topics/long-ck");

  static final Path SHORT_CL = Path.of("src/test/resources/topics/short-cl");

  static final Path LONG_CL = Path.of("src/test/resources/topics/long-cl");

  static final Path SHORT_CM = Path.of("src/test/resources/topics/short-cm");

  static final Path LONG_CM = Path.of("src/test/resources/topics/long-cm");

  /**
   * Four more colleagues' sets under the same brief, first scored on the tagger as round forty left
   * it: short-cn 0.959 (macro 0.959), long-cn 0.841 (0.822), short-co 0.947 (0.963), long-co 0.845
   * (0.776), short-cp 0.932 (0.928), long-cp 0.778 (0.742), short-cq 0.963 (0.964), long-cq 0.848
   * (0.724), two of their 76 off-domain items tagged (short-cp's and short-cq's): the honest
   * figures, the floors here.
   */
  static final Path SHORT_CN = Path.of("src/test/resources/topics/short-cn");

  static final Path LONG_CN = Path.of("src/test/resources/topics/long-cn");

  static final Path SHORT_CO = Path.of("src/test/resources/topics/short-co");

  static final Path LONG_CO = Path.of("src/test/resources/topics/long-co");

  static final Path SHORT_CP = Path.of("src/test/resources/topics/short-cp");

  static final Path LONG_CP = Path.of("src/test/resources/topics/long-cp");

  static final Path SHORT_CQ = Path.of("src/test/resources/topics/short-cq");

  static final Path LONG_CQ = Path.of("src/test/resources/topics/long-cq");

  /**
   * Four more colleagues' sets under the same brief, first scored on the tagger as round forty-one
   * left it: short-cr 0.971 (macro 0.966), long-cr 0.920 (0.907), short-cs 0.962 (0.962), long-cs
   * 0.903 (0.866), short-ct 0.972 (0.970), long-ct 0.813 (0.701), short-cu 0.956 (0.951), long-cu
   * 0.928 (0.896), one of their 76 off-domain items tagged (short-cr's, an album's "infusion"): the
   * honest figures, the floors here.
   */
  static final Path SHORT_CR = Path.of("src/test/resources/topics/short-cr");

  static final Path LONG_CR = Path.of("src/test/resources/topics/long-cr");

  static final Path SHORT_CS = Path.of("src/test/resources/topics/short-cs");

  static final Path LONG_CS = Path.of("src/test/resources/topics/long-cs");

  static final Path SHORT_CT = Path.of("src/test/resources/topics/short-ct");

  static final Path LONG_CT = Path.of("src/test/resources/topics/long-ct");

  static final Path SHORT_CU = Path.of("src/test/resources/topics/short-cu");

  static final Path LONG_CU = Path.of("src/test/resources/topics/long-cu");

  /**
   * Four more colleagues' sets under the same brief, first scored on the tagger as round forty-two
   * left it: short-cv 0.962 (macro 0.960), long-cv 0.841 (0.760), short-cw 0.946 (0.941), long-cw
   * 0.872 (0.788), short-cx 0.969 (0.956), long-cx 0.955 (0.972), short-cy 0.946 (0.950), long-cy
   * 0.780 (0.751), none of their 76 off-domain items tagged: the honest figures, the floors here.
   */
  static final Path SHORT_CV = Path.of("src/test/resources/topics/short-cv");

  static final Path LONG_CV = Path.of("src/test/resources/topics/long-cv");

  static final Path SHORT_CW = Path.of("src/test/resources/topics/short-cw");

  static final Path LONG_CW = Path.of("src/test/resources/topics/long-cw");

  static final Path SHORT_CX = Path.of("src/test/resources/topics/short-cx");

  static final Path LONG_CX = Path.of("src/test/resources/topics/long-cx");

  static final Path SHORT_CY = Path.of("src/test/resources/topics/short-cy");

  static final Path LONG_CY = Path.of("src/test/resources/topics/long-cy");

  /**
   * Four more colleagues' sets under the same brief, first scored on the tagger as round
   * forty-three left it: short-cz 0.950 (macro 0.947), long-cz 0.938 (0.891), short-da 0.951
   * (0.950), long-da 0.864 (0.792), short-db 0.951 (0.953), long-db 0.839 (0.699), short-dc 0.975
   * (0.974), long-dc 0.857 (0.808), none of their 76 off-domain items tagged: the honest figures,
   * the floors here.
   */
  static final Path SHORT_CZ = Path.of("src/test/resources/topics/short-cz");

  static final Path LONG_CZ = Path.of("src/test/resources/topics/long-cz");

  static final Path SHORT_DA = Path.of("src/test/resources/topics/short-da");

  static final Path LONG_DA = Path.of("src/test/resources/topics/long-da");

  static final Path SHORT_DB = Path.of("src/test/resources/topics/short-db");

  static final Path LONG_DB = Path.of("src/test/resources/topics/long-db");

  static final Path SHORT_DC = Path.of("src/test/resources/topics/short-dc");

  static final Path LONG_DC = Path.of("src/test/resources/topics/long-dc");

  /**
   * Four more colleagues' sets under the same brief, first scored on the tagger as round forty-four
   * left it: short-dd 0.972 (macro 0.979), long-dd 0.876 (0.825), short-de 0.949 (0.943), long-de
   * 0.940 (0.930), short-df 0.948 (0.950), long-df 0.839 (0.726), short-dg 0.952 (0.948), long-dg
   * 0.786 (0.698), none of their 76 off-domain items tagged: the honest figures, the floors here.
   */
  static final Path SHORT_DD = Path.of("src/test/resources/topics/short-dd");

  static final Path LONG_DD = Path.of("src/test/resources/topics/long-dd");

  static final Path SHORT_DE = Path.of("src/test/resources/topics/short-de");

  static final Path LONG_DE = Path.of("src/test/resources/topics/long-de");

  static final Path SHORT_DF = Path.of("src/test/resources/topics/short-df");

  static final Path LONG_DF = Path.of("src/test/resources/topics/long-df");

  static final Path SHORT_DG = Path.of("src/test/resources/topics/short-dg");

  static final Path LONG_DG = Path.of("src/test/resources/topics/long-dg");

  @Test
  void taggerKeepsMicroF1AboveTheBar() throws IOException {
    assertMicroF1AboveTheBar(LABELLED);
  }

  @Test
  void taggerKeepsMicroF1AboveTheBarOnTheHeldOutSet() throws IOException {
    assertMicroF1AboveTheBar(HELD_OUT);
  }

  /**
   * The short feed items (title and one to four sentences): first contact 0.862, 0.972 once the
   * scoring knew the length; the floor is the goal for sets the team has not seen.
   */
  @Test
  void taggerKeepsMicroF1AboveTheBarOnTheShortItems() throws IOException {
    assertMicroF1AboveTheBar(SHORT, MIN_MICRO_F1_SHORT);
  }

  private static final double MIN_MICRO_F1_SHORT = 0.92;

  /**
   * The second short set: first contact 0.887 (two off-domain items tagged), the goal of issue 12
   * once developed on.
   */
  @Test
  void taggerKeepsMicroF1AboveTheBarOnTheSecondShortSet() throws IOException {
    assertMicroF1AboveTheBar(SHORT_B, MIN_MICRO_F1_SHORT);
  }

  /** The second long set: first contact 0.935 (one off-domain article tagged). */
  @Test
  void taggerKeepsMicroF1AboveTheBarOnTheSecondLongSet() throws IOException {
    assertMicroF1AboveTheBar(LONG_B, MIN_MICRO_F1_SHORT);
  }

  @Test
  void taggerKeepsMicroF1AboveTheBarOnTheThirdSets() throws IOException {
    assertMicroF1AboveTheBar(SHORT_C, MIN_MICRO_F1_SHORT);
    assertMicroF1AboveTheBar(LONG_C, MIN_MICRO_F1_SHORT);
  }

  /** The fourth sets, at the level the fourth round reached (0.944 and 0.959), rounded down. */
  @Test
  void taggerKeepsMicroF1AboveTheBarOnTheFourthSets() throws IOException {
    assertMicroF1AboveTheBar(SHORT_D, 0.94);
    assertMicroF1AboveTheBar(LONG_D, 0.95);
  }

  /**
   * The fifth (short-e, long-e) and sixth (short-f, long-f) sets, at the level round five reached
   * (0.943, 0.911, 0.917, 0.916), rounded down and at most issue 12's goal of 0.92. long-e at 0.90
   * since round twelve: "esketamine" no longer names the nasal spray, which cost its spray how-to
   * (L09, whose spray is said in one paragraph) and gained eleven articles elsewhere.
   */
  @Test
  void taggerKeepsMicroF1AboveTheBarOnTheFifthAndSixthSets() throws IOException {
    assertMicroF1AboveTheBar(SHORT_E, 0.92);
    assertMicroF1AboveTheBar(LONG_E, 0.90);
    assertMicroF1AboveTheBar(SHORT_F, 0.91);
    assertMicroF1AboveTheBar(LONG_F, 0.91);
  }

  @Test
  void taggerKeepsMicroF1AboveTheBarOnTheEighthSets() throws IOException {
    assertMicroF1AboveTheBar(SHORT_H, 0.92);
    assertMicroF1AboveTheBar(LONG_H, 0.95);
  }

  @Test
  void taggerKeepsMicroF1AboveTheBarOnTheNinthSets() throws IOException {
    assertMicroF1AboveTheBar(SHORT_I, 0.91);
    assertMicroF1AboveTheBar(LONG_I, 0.94);
  }

  @Test
  void taggerKeepsMicroF1AboveTheBarOnTheTenthSets() throws IOException {
    assertMicroF1AboveTheBar(SHORT_J, 0.94);
    assertMicroF1AboveTheBar(LONG_J, 0.94);
  }

  @Test
  void taggerKeepsMicroF1AboveTheBarOnTheEleventhSets() throws IOException {
    assertMicroF1AboveTheBar(SHORT_K, 0.91);
    assertMicroF1AboveTheBar(LONG_K, 0.88);
  }

  @Test
  void taggerKeepsMicroF1AboveTheBarOnTheTwelfthAndThirteenthSets() throws IOException {
    assertMicroF1AboveTheBar(SHORT_L, 0.94);
    assertMicroF1AboveTheBar(LONG_L, 0.94);
    assertMicroF1AboveTheBar(SHORT_M, 0.92);
    assertMicroF1AboveTheBar(LONG_M, 0.93);
  }

  @Test
  void taggerKeepsMicroF1AboveTheBarOnTheFourteenthAndFifteenthSets() throws IOException {
    assertMicroF1AboveTheBar(SHORT_N, 0.89);
    assertMicroF1AboveTheBar(LONG_N, 0.92);
    assertMicroF1AboveTheBar(SHORT_O, 0.93);
    assertMicroF1AboveTheBar(LONG_O, 0.89);
  }

  @Test
  void taggerKeepsMicroF1AboveTheBarOnTheSixteenthAndSeventeenthSets() throws IOException {
    assertMicroF1AboveTheBar(SHORT_P, 0.91);
    assertMicroF1AboveTheBar(LONG_P, 0.96);
    assertMicroF1AboveTheBar(SHORT_Q, 0.87);
    // 0.94 at first contact; round twenty-seven gave its 11 (a patient "floaty" on the drip while
    // her blood pressure is checked, in one paragraph) side effects, as long-ay's labeller would
    assertMicroF1AboveTheBar(LONG_Q, 0.93);
  }

  @Test
  void taggerKeepsMicroF1AboveTheBarOnTheEighteenthAndNineteenthSets() throws IOException {
    assertMicroF1AboveTheBar(SHORT_R, 0.93);
    assertMicroF1AboveTheBar(LONG_R, 0.88);
    assertMicroF1AboveTheBar(SHORT_S, 0.92);
    assertMicroF1AboveTheBar(LONG_S, 0.88);
  }

  @Test
  void taggerKeepsMicroF1AboveTheBarOnTheTwentiethAndTwentyFirstSets() throws IOException {
    assertMicroF1AboveTheBar(SHORT_T, 0.92);
    assertMicroF1AboveTheBar(LONG_T, 0.88);
    assertMicroF1AboveTheBar(SHORT_U, 0.95);
    assertMicroF1AboveTheBar(LONG_U, 0.93);
  }

  @Test
  void taggerKeepsMicroF1AboveTheBarOnTheTwentySecondAndTwentyThirdSets() throws IOException {
    assertMicroF1AboveTheBar(SHORT_V, 0.91);
    assertMicroF1AboveTheBar(LONG_V, 0.93);
    assertMicroF1AboveTheBar(SHORT_W, 0.93);
    assertMicroF1AboveTheBar(LONG_W, 0.91);
  }

  @Test
  void taggerKeepsMicroF1AboveTheBarOnTheTwentyFourthAndTwentyFifthSets() throws IOException {
    assertMicroF1AboveTheBar(SHORT_X, 0.94);
    assertMicroF1AboveTheBar(LONG_X, 0.91);
    assertMicroF1AboveTheBar(SHORT_Y, 0.94);
    assertMicroF1AboveTheBar(LONG_Y, 0.89);
  }

  @Test
  void taggerKeepsMicroF1AboveTheBarOnTheTwentySixthAndTwentySeventhSets() throws IOException {
    assertMicroF1AboveTheBar(SHORT_Z, 0.91);
    assertMicroF1AboveTheBar(LONG_Z, 0.89);
    assertMicroF1AboveTheBar(SHORT_AA, 0.93);
    assertMicroF1AboveTheBar(LONG_AA, 0.92);
  }

  @Test
  void taggerKeepsMicroF1AboveTheBarOnTheTwentyEighthAndTwentyNinthSets() throws IOException {
    assertMicroF1AboveTheBar(SHORT_AB, 0.93);
    assertMicroF1AboveTheBar(LONG_AB, 0.94);
    assertMicroF1AboveTheBar(SHORT_AC, 0.94);
    assertMicroF1AboveTheBar(LONG_AC, 0.86);
  }

  @Test
  void taggerKeepsMicroF1AboveTheBarOnTheThirtiethAndThirtyFirstSets() throws IOException {
    assertMicroF1AboveTheBar(SHORT_AD, 0.92);
    assertMicroF1AboveTheBar(LONG_AD, 0.94);
    assertMicroF1AboveTheBar(SHORT_AE, 0.91);
    assertMicroF1AboveTheBar(LONG_AE, 0.91);
  }

  @Test
  void taggerKeepsMicroF1AboveTheBarOnTheThirtySecondAndThirtyThirdSets() throws IOException {
    assertMicroF1AboveTheBar(SHORT_AF, 0.91);
    assertMicroF1AboveTheBar(LONG_AF, 0.85);
    assertMicroF1AboveTheBar(SHORT_AG, 0.92);
    assertMicroF1AboveTheBar(LONG_AG, 0.77);
  }

  @Test
  void taggerKeepsMicroF1AboveTheBarOnTheThirtyFourthAndThirtyFifthSets() throws IOException {
    assertMicroF1AboveTheBar(SHORT_AH, 0.90);
    assertMicroF1AboveTheBar(LONG_AH, 0.92);
    assertMicroF1AboveTheBar(SHORT_AI, 0.92);
    assertMicroF1AboveTheBar(LONG_AI, 0.95);
  }

  @Test
  void taggerKeepsMicroF1AboveTheBarOnTheThirtySixthAndThirtySeventhSets() throws IOException {
    assertMicroF1AboveTheBar(SHORT_AJ, 0.93);
    assertMicroF1AboveTheBar(LONG_AJ, 0.90);
    assertMicroF1AboveTheBar(SHORT_AK, 0.92);
    assertMicroF1AboveTheBar(LONG_AK, 0.86);
  }

  @Test
  void taggerKeepsMicroF1AboveTheBarOnTheThirtyEighthAndThirtyNinthSets() throws IOException {
    assertMicroF1AboveTheBar(SHORT_AL, 0.92);
    assertMicroF1AboveTheBar(LONG_AL, 0.88);
    assertMicroF1AboveTheBar(SHORT_AM, 0.93);
    assertMicroF1AboveTheBar(LONG_AM, 0.86);
  }

  @Test
  void taggerKeepsMicroF1AboveTheBarOnTheFortiethAndFortyFirstSets() throws IOException {
    assertMicroF1AboveTheBar(SHORT_AN, 0.94);
    assertMicroF1AboveTheBar(LONG_AN, 0.91);
    assertMicroF1AboveTheBar(SHORT_AO, 0.95);
    assertMicroF1AboveTheBar(LONG_AO, 0.91);
  }

  @Test
  void taggerKeepsMicroF1AboveTheBarOnTheFortySecondAndFortyThirdSets() throws IOException {
    assertMicroF1AboveTheBar(SHORT_AP, 0.93);
    assertMicroF1AboveTheBar(LONG_AP, 0.87);
    assertMicroF1AboveTheBar(SHORT_AQ, 0.94);
    assertMicroF1AboveTheBar(LONG_AQ, 0.89);
  }

  @Test
  void taggerKeepsMicroF1AboveTheBarOnTheFortyFourthAndFortyFifthSets() throws IOException {
    assertMicroF1AboveTheBar(SHORT_AR, 0.92);
    assertMicroF1AboveTheBar(LONG_AR, 0.89);
    assertMicroF1AboveTheBar(SHORT_AS, 0.92);
    assertMicroF1AboveTheBar(LONG_AS, 0.91);
  }

  @Test
  void taggerKeepsMicroF1AboveTheBarOnTheFortySixthAndFortySeventhSets() throws IOException {
    assertMicroF1AboveTheBar(SHORT_AT, 0.94);
    assertMicroF1AboveTheBar(LONG_AT, 0.95);
    assertMicroF1AboveTheBar(SHORT_AU, 0.96);
    assertMicroF1AboveTheBar(LONG_AU, 0.94);
  }

  @Test
  void taggerKeepsMicroF1AboveTheBarOnTheFortyEighthToFiftyFirstSets() throws IOException {
    assertMicroF1AboveTheBar(SHORT_AV, 0.94);
    assertMicroF1AboveTheBar(LONG_AV, 0.81);
    assertMicroF1AboveTheBar(SHORT_AW, 0.97);
    assertMicroF1AboveTheBar(LONG_AW, 0.70);
    assertMicroF1AboveTheBar(SHORT_AX, 0.96);
    assertMicroF1AboveTheBar(LONG_AX, 0.71);
    assertMicroF1AboveTheBar(SHORT_AY, 0.90);
    assertMicroF1AboveTheBar(LONG_AY, 0.83);
  }

  @Test
  void taggerKeepsMicroF1AboveTheBarOnTheFiftySecondToFiftyFifthSets() throws IOException {
    assertMicroF1AboveTheBar(SHORT_AZ, 0.93);
    assertMicroF1AboveTheBar(LONG_AZ, 0.79);
    assertMicroF1AboveTheBar(SHORT_BA, 0.96);
    assertMicroF1AboveTheBar(LONG_BA, 0.87);
    assertMicroF1AboveTheBar(SHORT_BB, 0.96);
    assertMicroF1AboveTheBar(LONG_BB, 0.71);
    assertMicroF1AboveTheBar(SHORT_BC, 0.96);
    assertMicroF1AboveTheBar(LONG_BC, 0.75);
  }

  @Test
  void taggerKeepsMicroF1AboveTheBarOnTheFiftySixthToFiftyNinthSets() throws IOException {
    assertMicroF1AboveTheBar(SHORT_BD, 0.96);
    assertMicroF1AboveTheBar(LONG_BD, 0.87);
    assertMicroF1AboveTheBar(SHORT_BE, 0.94);
    assertMicroF1AboveTheBar(LONG_BE, 0.85);
    assertMicroF1AboveTheBar(SHORT_BF, 0.98);
    assertMicroF1AboveTheBar(LONG_BF, 0.88);
    assertMicroF1AboveTheBar(SHORT_BG, 0.93);
    assertMicroF1AboveTheBar(LONG_BG, 0.81);
  }

  @Test
  void taggerKeepsMicroF1AboveTheBarOnTheSixtiethToSixtyThirdSets() throws IOException {
    assertMicroF1AboveTheBar(SHORT_BH, 0.95);
    assertMicroF1AboveTheBar(LONG_BH, 0.75);
    assertMicroF1AboveTheBar(SHORT_BI, 0.97);
    assertMicroF1AboveTheBar(LONG_BI, 0.83);
    assertMicroF1AboveTheBar(SHORT_BJ, 0.98);
    assertMicroF1AboveTheBar(LONG_BJ, 0.88);
    assertMicroF1AboveTheBar(SHORT_BK, 0.94);
    assertMicroF1AboveTheBar(LONG_BK, 0.88);
  }

  @Test
  void taggerKeepsMicroF1AboveTheBarOnTheSixtyFourthToSixtySeventhSets() throws IOException {
    assertMicroF1AboveTheBar(SHORT_BL, 0.93);
    assertMicroF1AboveTheBar(LONG_BL, 0.84);
    assertMicroF1AboveTheBar(SHORT_BM, 0.95);
    assertMicroF1AboveTheBar(LONG_BM, 0.80);
    assertMicroF1AboveTheBar(SHORT_BN, 0.96);
    assertMicroF1AboveTheBar(LONG_BN, 0.92);
    assertMicroF1AboveTheBar(SHORT_BO, 0.96);
    assertMicroF1AboveTheBar(LONG_BO, 0.82);
  }

  @Test
  void taggerKeepsMicroF1AboveTheBarOnTheSixtyEighthToSeventyFirstSets() throws IOException {
    assertMicroF1AboveTheBar(SHORT_BP, 0.95);
    assertMicroF1AboveTheBar(LONG_BP, 0.92);
    assertMicroF1AboveTheBar(SHORT_BQ, 0.94);
    assertMicroF1AboveTheBar(LONG_BQ, 0.93);
    assertMicroF1AboveTheBar(SHORT_BR, 0.96);
    assertMicroF1AboveTheBar(LONG_BR, 0.83);
    assertMicroF1AboveTheBar(SHORT_BS, 0.95);
    assertMicroF1AboveTheBar(LONG_BS, 0.79);
  }

  @Test
  void taggerKeepsMicroF1AboveTheBarOnTheSeventySecondToSeventyFifthSets() throws IOException {
    assertMicroF1AboveTheBar(SHORT_BT, 0.97);
    assertMicroF1AboveTheBar(LONG_BT, 0.90);
    assertMicroF1AboveTheBar(SHORT_BU, 0.95);
    assertMicroF1AboveTheBar(LONG_BU, 0.84);
    assertMicroF1AboveTheBar(SHORT_BV, 0.94);
    assertMicroF1AboveTheBar(LONG_BV, 0.76);
    assertMicroF1AboveTheBar(SHORT_BW, 0.94);
    assertMicroF1AboveTheBar(LONG_BW, 0.82);
  }

  @Test
  void taggerKeepsMicroF1AboveTheBarOnTheSeventySixthToSeventyNinthSets() throws IOException {
    assertMicroF1AboveTheBar(SHORT_BX, 0.96);
    assertMicroF1AboveTheBar(LONG_BX, 0.82);
    assertMicroF1AboveTheBar(SHORT_BY, 0.94);
    assertMicroF1AboveTheBar(LONG_BY, 0.89);
    assertMicroF1AboveTheBar(SHORT_BZ, 0.95);
    assertMicroF1AboveTheBar(LONG_BZ, 0.90);
    assertMicroF1AboveTheBar(SHORT_CA, 0.95);
    assertMicroF1AboveTheBar(LONG_CA, 0.85);
  }

  @Test
  void taggerKeepsMicroF1AboveTheBarOnTheEightiethToEightyThirdSets() throws IOException {
    assertMicroF1AboveTheBar(SHORT_CB, 0.88);
    assertMicroF1AboveTheBar(LONG_CB, 0.79);
    assertMicroF1AboveTheBar(SHORT_CC, 0.96);
    assertMicroF1AboveTheBar(LONG_CC, 0.81);
    assertMicroF1AboveTheBar(SHORT_CD, 0.95);
    assertMicroF1AboveTheBar(LONG_CD, 0.85);
    assertMicroF1AboveTheBar(SHORT_CE, 0.96);
    assertMicroF1AboveTheBar(LONG_CE, 0.84);
  }

  @Test
  void taggerKeepsMicroF1AboveTheBarOnTheEightyFourthToEightySeventhSets() throws IOException {
    assertMicroF1AboveTheBar(SHORT_CF, 0.94);
    assertMicroF1AboveTheBar(LONG_CF, 0.82);
    assertMicroF1AboveTheBar(SHORT_CG, 0.94);
    assertMicroF1AboveTheBar(LONG_CG, 0.83);
    assertMicroF1AboveTheBar(SHORT_CH, 0.94);
    assertMicroF1AboveTheBar(LONG_CH, 0.85);
    assertMicroF1AboveTheBar(SHORT_CI, 0.97);
    assertMicroF1AboveTheBar(LONG_CI, 0.87);
  }

  @Test
  void taggerKeepsMicroF1AboveTheBarOnTheEightyEighthToNinetyFirstSets() throws IOException {
    assertMicroF1AboveTheBar(SHORT_CJ, 0.95);
    assertMicroF1AboveTheBar(LONG_CJ, 0.89);
    assertMicroF1AboveTheBar(SHORT_CK, 0.95);
    assertMicroF1AboveTheBar(LONG_CK, 0.80);
    assertMicroF1AboveTheBar(SHORT_CL, 0.96);
    assertMicroF1AboveTheBar(LONG_CL, 0.90);
    assertMicroF1AboveTheBar(SHORT_CM, 0.95);
    assertMicroF1AboveTheBar(LONG_CM, 0.82);
  }

  @Test
  void taggerKeepsMicroF1AboveTheBarOnTheNinetySecondToNinetyFifthSets() throws IOException {
    assertMicroF1AboveTheBar(SHORT_CN, 0.95);
    assertMicroF1AboveTheBar(LONG_CN, 0.84);
    assertMicroF1AboveTheBar(SHORT_CO, 0.94);
    assertMicroF1AboveTheBar(LONG_CO, 0.84);
    assertMicroF1AboveTheBar(SHORT_CP, 0.93);
    assertMicroF1AboveTheBar(LONG_CP, 0.77);
    assertMicroF1AboveTheBar(SHORT_CQ, 0.96);
    assertMicroF1AboveTheBar(LONG_CQ, 0.84);
  }

  @Test
  void taggerKeepsMicroF1AboveTheBarOnTheNinetySixthToNinetyNinthSets() throws IOException {
    assertMicroF1AboveTheBar(SHORT_CR, 0.97);
    assertMicroF1AboveTheBar(LONG_CR, 0.92);
    assertMicroF1AboveTheBar(SHORT_CS, 0.96);
    assertMicroF1AboveTheBar(LONG_CS, 0.90);
    assertMicroF1AboveTheBar(SHORT_CT, 0.97);
    assertMicroF1AboveTheBar(LONG_CT, 0.81);
    assertMicroF1AboveTheBar(SHORT_CU, 0.95);
    assertMicroF1AboveTheBar(LONG_CU, 0.92);
  }

  @Test
  void taggerKeepsMicroF1AboveTheBarOnTheHundredthToHundredAndThirdSets() throws IOException {
    assertMicroF1AboveTheBar(SHORT_CV, 0.96);
    assertMicroF1AboveTheBar(LONG_CV, 0.84);
    assertMicroF1AboveTheBar(SHORT_CW, 0.94);
    assertMicroF1AboveTheBar(LONG_CW, 0.87);
    assertMicroF1AboveTheBar(SHORT_CX, 0.96);
    assertMicroF1AboveTheBar(LONG_CX, 0.95);
    assertMicroF1AboveTheBar(SHORT_CY, 0.94);
    assertMicroF1AboveTheBar(LONG_CY, 0.78);
  }

  @Test
  void taggerKeepsMicroF1AboveTheBarOnTheHundredAndFourthToHundredAndSeventhSets()
      throws IOException {
    assertMicroF1AboveTheBar(SHORT_CZ, 0.95);
    assertMicroF1AboveTheBar(LONG_CZ, 0.93);
    assertMicroF1AboveTheBar(SHORT_DA, 0.95);
    assertMicroF1AboveTheBar(LONG_DA, 0.86);
    assertMicroF1AboveTheBar(SHORT_DB, 0.95);
    assertMicroF1AboveTheBar(LONG_DB, 0.83);
    assertMicroF1AboveTheBar(SHORT_DC, 0.97);
    assertMicroF1AboveTheBar(LONG_DC, 0.85);
  }

  @Test
  void taggerKeepsMicroF1AboveTheBarOnTheHundredAndEighthToHundredAndEleventhSets()
      throws IOException {
    assertMicroF1AboveTheBar(SHORT_DD, 0.97);
    assertMicroF1AboveTheBar(LONG_DD, 0.87);
    assertMicroF1AboveTheBar(SHORT_DE, 0.94);
    assertMicroF1AboveTheBar(LONG_DE, 0.94);
    assertMicroF1AboveTheBar(SHORT_DF, 0.94);
    assertMicroF1AboveTheBar(LONG_DF, 0.83);
    assertMicroF1AboveTheBar(SHORT_DG, 0.95);
    assertMicroF1AboveTheBar(LONG_DG, 0.78);
  }

  /**
   * No off-domain article of any set gets a topic: every set in the folder, the team's, the
   * held-out and each colleague's. Each set's off-domain items were held untagged from their first
   * contact, or from the round that cleared them; since round forty (a full article needs two words
   * of the field, docs/TOPICS.md) none is tagged (2,117 since round forty-four), so the test reads
   * them all.
   */
  @Test
  void noOffDomainArticleOfAnySetGetsATopic() throws IOException {
    List<Path> sets = LabelledSet.setsUnder(LABELLED.getParent());
    assertTrue(sets.size() >= 223, "sets: " + sets.size());
    int offDomain = 0;
    for (Path set : sets) {
      Evaluation.Report off = evaluate(set).groups().get(Evaluation.OFF_DOMAIN);
      int least = set.getFileName().toString().startsWith("long") ? 3 : 9;
      assertTrue(off.articles() >= least, set + ": " + off.articles());
      assertEquals(0, off.tagged(), set + "\n" + TopicsEvalCommand.format(off));
      offDomain += off.articles();
    }
    assertTrue(offDomain >= 2_117, "off-domain articles: " + offDomain);
  }

  private static void assertMicroF1AboveTheBar(Path set) throws IOException {
    assertMicroF1AboveTheBar(set, MIN_MICRO_F1);
  }

  private static void assertMicroF1AboveTheBar(Path set, double bar) throws IOException {
    Evaluation.Report report = evaluate(set);
    String table = TopicsEvalCommand.format(report);
    System.out.println(table);
    assertTrue(
        report.microF1() >= bar, "micro-F1 " + report.microF1() + " < " + bar + "\n" + table);
  }

  private static Evaluation.Report evaluate(Path set) throws IOException {
    Taxonomy taxonomy = Taxonomy.load(TaxonomyTest.SHIPPED);
    return LabelledSet.load(set).evaluate(new TopicTagger(taxonomy), taxonomy);
  }

  @Test
  void readsGroupsBesideTheLabelsOrDerivesOffDomainFromNoLabel(@TempDir Path dir)
      throws IOException {
    Files.writeString(dir.resolve("a.txt"), "Ketamine\n\nA ketamine clinic for patients.");
    Files.writeString(dir.resolve("b.txt"), "Rain\n\nA tropical depression.");
    Files.writeString(dir.resolve("labels.json"), "{\"a.txt\": [\"ketamine\"], \"b.txt\": []}");
    assertEquals(
        List.of("in-domain", "off-domain"),
        LabelledSet.load(dir).articles().stream().map(LabelledSet.LabelledArticle::group).toList());
    Files.writeString(
        dir.resolve("groups.json"), "{\"a.txt\": \"hard-negative\", \"b.txt\": \"off-domain\"}");
    assertEquals(
        List.of("hard-negative", "off-domain"),
        LabelledSet.load(dir).articles().stream().map(LabelledSet.LabelledArticle::group).toList());
    Files.writeString(dir.resolve("groups.json"), "{\"a.txt\": \"off-domain\"}");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> LabelledSet.load(dir));
    assertTrue(e.getMessage().contains("a.txt: off-domain but labelled"), e.getMessage());
  }

  @Test
  void findsTheSetsInAFolderOfSets() throws IOException {
    assertEquals(List.of(LABELLED), LabelledSet.setsUnder(LABELLED));
    assertEquals(
        List.of(
            HELD_OUT, LABELLED, LONG_AA, LONG_AB, LONG_AC, LONG_AD, LONG_AE, LONG_AF, LONG_AG,
            LONG_AH, LONG_AI, LONG_AJ, LONG_AK, LONG_AL, LONG_AM, LONG_AN, LONG_AO, LONG_AP,
            LONG_AQ, LONG_AR, LONG_AS, LONG_AT, LONG_AU, LONG_AV, LONG_AW, LONG_AX, LONG_AY,
            LONG_AZ, LONG_B, LONG_BA, LONG_BB, LONG_BC, LONG_BD, LONG_BE, LONG_BF, LONG_BG, LONG_BH,
            LONG_BI, LONG_BJ, LONG_BK, LONG_BL, LONG_BM, LONG_BN, LONG_BO, LONG_BP, LONG_BQ,
            LONG_BR, LONG_BS, LONG_BT, LONG_BU, LONG_BV, LONG_BW, LONG_BX, LONG_BY, LONG_BZ, LONG_C,
            LONG_CA, LONG_CB, LONG_CC, LONG_CD, LONG_CE, LONG_CF, LONG_CG, LONG_CH, LONG_CI,
            LONG_CJ, LONG_CK, LONG_CL, LONG_CM, LONG_CN, LONG_CO, LONG_CP, LONG_CQ, LONG_CR,
            LONG_CS, LONG_CT, LONG_CU, LONG_CV, LONG_CW, LONG_CX, LONG_CY, LONG_CZ, LONG_D, LONG_DA,
            LONG_DB, LONG_DC, LONG_DD, LONG_DE, LONG_DF, LONG_DG, LONG_E, LONG_F, LONG_G, LONG_H,
            LONG_I, LONG_J, LONG_K, LONG_L, LONG_M, LONG_N, LONG_O, LONG_P, LONG_Q, LONG_R, LONG_S,
            LONG_T, LONG_U, LONG_V, LONG_W, LONG_X, LONG_Y, LONG_Z, SHORT, SHORT_AA, SHORT_AB,
            SHORT_AC, SHORT_AD, SHORT_AE, SHORT_AF, SHORT_AG, SHORT_AH, SHORT_AI, SHORT_AJ,
            SHORT_AK, SHORT_AL, SHORT_AM, SHORT_AN, SHORT_AO, SHORT_AP, SHORT_AQ, SHORT_AR,
            SHORT_AS, SHORT_AT, SHORT_AU, SHORT_AV, SHORT_AW, SHORT_AX, SHORT_AY, SHORT_AZ, SHORT_B,
            SHORT_BA, SHORT_BB, SHORT_BC, SHORT_BD, SHORT_BE, SHORT_BF, SHORT_BG, SHORT_BH,
            SHORT_BI, SHORT_BJ, SHORT_BK, SHORT_BL, SHORT_BM, SHORT_BN, SHORT_BO, SHORT_BP,
            SHORT_BQ, SHORT_BR, SHORT_BS, SHORT_BT, SHORT_BU, SHORT_BV, SHORT_BW, SHORT_BX,
            SHORT_BY, SHORT_BZ, SHORT_C, SHORT_CA, SHORT_CB, SHORT_CC, SHORT_CD, SHORT_CE, SHORT_CF,
            SHORT_CG, SHORT_CH, SHORT_CI, SHORT_CJ, SHORT_CK, SHORT_CL, SHORT_CM, SHORT_CN,
            SHORT_CO, SHORT_CP, SHORT_CQ, SHORT_CR, SHORT_CS, SHORT_CT, SHORT_CU, SHORT_CV,
            SHORT_CW, SHORT_CX, SHORT_CY, SHORT_CZ, SHORT_D, SHORT_DA, SHORT_DB, SHORT_DC, SHORT_DD,
            SHORT_DE, SHORT_DF, SHORT_DG, SHORT_E, SHORT_F, SHORT_G, SHORT_H, SHORT_I, SHORT_J,
            SHORT_K, SHORT_L, SHORT_M, SHORT_N, SHORT_O, SHORT_P, SHORT_Q, SHORT_R, SHORT_S,
            SHORT_T, SHORT_U, SHORT_V, SHORT_W, SHORT_X, SHORT_Y, SHORT_Z),
        LabelledSet.setsUnder(LABELLED.getParent()));
  }

  @Test
  void holdsTheSampleArticlesUnchangedWithTheirLabels() throws IOException {
    JsonObject labels = new JsonObject(Files.readString(LABELLED.resolve("labels.json")));
    JsonObject sampleLabels =
        new JsonObject(Files.readString(Path.of("src/test/resources/topics/sample-labels.json")));
    try (Stream<Path> samples = Files.list(Path.of("samples/articles"))) {
      for (Path sample : samples.toList()) {
        String name = sample.getFileName().toString();
        assertArrayEquals(Files.readAllBytes(sample), Files.readAllBytes(LABELLED.resolve(name)));
        assertEquals(
            new HashSet<>(sampleLabels.getJsonArray(name).getList()),
            new HashSet<>(labels.getJsonArray(name).getList()),
            name);
      }
    }
  }

  @Test
  void labelsEveryArticleWithShippedSlugsOnly() throws IOException {
    Taxonomy taxonomy = Taxonomy.load(TaxonomyTest.SHIPPED);
    List<LabelledSet.LabelledArticle> articles = LabelledSet.load(LABELLED).articles();
    assertTrue(articles.size() >= 50, "articles: " + articles.size());
    for (LabelledSet.LabelledArticle article : articles) {
      for (String slug : article.labels()) {
        assertTrue(taxonomy.topic(slug).isPresent(), article.file() + ": " + slug);
      }
      Set<String> withParents = new Evaluation(taxonomy).withParents(article.labels());
      assertEquals(withParents, article.labels(), article.file() + " must list parents too");
    }
  }
}
