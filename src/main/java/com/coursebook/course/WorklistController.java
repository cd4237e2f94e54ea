package com.coursebook.course;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

@Controller
class WorklistController {

    private final Worklist worklist;

    WorklistController(Worklist worklist) {
        this.worklist = worklist;
    }

    @GetMapping("/worklist")
    String worklist(Model model) {
        model.addAttribute("items", worklist.needingAttention());
        return "course/worklist";
    }

    @GetMapping("/api/worklist/attention")
    @ResponseBody
    List<Worklist.Item> attention() {
        return worklist.needingAttention();
    }
}
