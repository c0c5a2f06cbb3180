import java.io.File;
import java.util.Locale;
import org.gephi.graph.api.Column;
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
 * the nodes and edges Gephi holds afterwards, how many citations (the
 * `citations` edge column, ";"-separated) its edges still carry, and the sum of
 * its edge weights. Gephi merges parallel edges of the same kind (summing their
 * weights, keeping one edge's attributes); the counts show whether any tie was lost.
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
            double weight = 0;
            // GEXF columns take the attribute's id, GraphML ones the key's id (e_citations): find it by title.
            Column column = null;
            for (Column c : model.getEdgeTable()) {
                if ("citations".equals(c.getTitle())) column = c;
            }
            for (Edge edge : graph.getEdges()) {
                weight += edge.getWeight();
                Object value = column == null ? null : edge.getAttribute(column);
                if (value != null && !value.toString().isEmpty()) citations += value.toString().split(";").length;
            }
            System.out.println(String.format(Locale.ROOT, "{\"file\":\"%s\",\"nodes\":%d,\"edges\":%d,\"citations\":%d,\"weight\":%.3f}",
                new File(path).getName(), graph.getNodeCount(), graph.getEdgeCount(), citations, weight));
            projects.closeCurrentProject();
        }
        System.exit(0);
    }
}
