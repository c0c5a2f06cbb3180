import java.io.File;
import java.util.Locale;
import org.gephi.graph.api.Edge;
import org.gephi.graph.api.Graph;
import org.gephi.graph.api.GraphController;
import org.gephi.graph.api.GraphModel;
import org.gephi.io.importer.api.Container;
import org.gephi.io.importer.api.ImportController;
import org.gephi.io.processor.plugin.DefaultProcessor;
import org.gephi.project.api.ProjectController;
import org.gephi.project.api.Workspace;
import org.openide.util.Lookup;

/**
 * Imports each file given (GEXF or GraphML) with Gephi's own importer, as
 * Gephi does with its default settings, and prints one JSON line per file:
 * the nodes and edges Gephi holds afterwards, and how many citations (the
 * `citations` edge column, ";"-separated) its edges still carry. Gephi merges
 * parallel edges of the same kind; the counts show whether any tie was lost.
 *
 * java -cp gephi-toolkit-0.10.1-all.jar tools/gephi-check/GephiCheck.java a.gexf b.graphml
 */
public class GephiCheck {
    public static void main(String[] args) throws Exception {
        for (String path : args) {
            ProjectController projects = Lookup.getDefault().lookup(ProjectController.class);
            projects.newProject();
            Workspace workspace = projects.getCurrentWorkspace();
            ImportController importer = Lookup.getDefault().lookup(ImportController.class);
            Container container = importer.importFile(new File(path));
            if (container == null) throw new IllegalStateException("Gephi could not read " + path);
            importer.process(container, new DefaultProcessor(), workspace);
            GraphModel model = Lookup.getDefault().lookup(GraphController.class).getGraphModel(workspace);
            Graph graph = model.getGraph();
            long citations = 0;
            boolean hasColumn = model.getEdgeTable().hasColumn("citations");
            for (Edge edge : graph.getEdges()) {
                Object value = hasColumn ? edge.getAttribute("citations") : null;
                if (value != null && !value.toString().isEmpty()) citations += value.toString().split(";").length;
            }
            System.out.println(String.format(Locale.ROOT, "{\"file\":\"%s\",\"nodes\":%d,\"edges\":%d,\"citations\":%d}",
                new File(path).getName(), graph.getNodeCount(), graph.getEdgeCount(), citations));
            projects.closeCurrentProject();
        }
        System.exit(0);
    }
}
