import java.io.File;
import java.util.HashMap;
import java.util.List;

import org.omegat.core.Core;
import org.omegat.core.data.ProjectProperties;
import org.omegat.core.data.RealProject;
import org.omegat.gui.glossary.GlossaryEntry;
import org.omegat.gui.glossary.GlossaryReaderTBX;
import org.omegat.util.ProjectFileStorage;

/**
 * PolicyReader's interoperability check: reads a TBX file with OmegaT's own glossary reader, inside a
 * zh-CN to en-US project, and prints one line per pair OmegaT offers: source, target and comment, tab
 * separated, with backslashes, tabs and line breaks escaped.
 */
public class TbxPairs {
    private static String esc(String s) {
        return s == null ? "" : s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "");
    }

    public static void main(String[] args) throws Exception {
        Core.initializeConsole(new HashMap<String, String>());
        ProjectProperties props = ProjectFileStorage.loadProjectProperties(new File(args[0]).getAbsoluteFile());
        Core.setProject(new RealProject(props));
        List<GlossaryEntry> entries = GlossaryReaderTBX.read(new File(args[1]), false);
        StringBuilder out = new StringBuilder();
        for (GlossaryEntry e : entries) {
            out.append(esc(e.getSrcText())).append('\t').append(esc(e.getLocText())).append('\t')
               .append(esc(e.getCommentText())).append('\n');
        }
        System.out.print(out);
        System.out.flush();
        System.exit(0);
    }
}
